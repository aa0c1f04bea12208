import CertificateRevocation
import Foundation
import X509

/// Records operator revocations and serves the current SHAKEN CRL (`GET /download/v1/crl`, spec digest
/// §4.6), regenerating it after every revocation and when the cached one is older than the refresh interval.
public actor SHAKENCRLPublisher {
    private let store: any RevocationStore
    private let issuer: SHAKENCRLIssuer
    /// How long a generated CRL is served before a new one is made (default 12 hours).
    public let refreshInterval: TimeInterval
    private var cached: CertificateRevocationList?

    /// Creates the publisher.
    ///
    /// - Parameters:
    ///   - store: The revocation store.
    ///   - issuer: The CRL issuer.
    ///   - refreshInterval: Seconds a CRL is reused; keep it below the issuer's validity.
    public init(store: any RevocationStore, issuer: SHAKENCRLIssuer, refreshInterval: TimeInterval = 43_200) {
        self.store = store
        self.issuer = issuer
        self.refreshInterval = refreshInterval
    }

    /// Revokes an SP or STI-SCA certificate by serial and issuer DN (ATIS-1000080 §6.3.4; RFC 5280 §5.3.1 reasons)
    /// and regenerates the CRL.
    ///
    /// - Parameters:
    ///   - serialNumber: The certificate's serial.
    ///   - issuerName: The certificate's issuer (the STI-CA intermediate).
    ///   - reason: The reason; `removeFromCRL` is refused (no delta CRLs here).
    ///   - time: When the revocation happens.
    /// - Returns: The new CRL.
    /// - Throws: ``PolicyAdministrationError/Code/invalidRevocation``, ``PolicyAdministrationError/Code/alreadyRevoked``
    ///   or ``PolicyAdministrationError/Code/crlFailed``.
    @discardableResult
    public func revoke(
        serialNumber: Certificate.SerialNumber,
        issuerName: DistinguishedName,
        reason: RevocationReason,
        at time: Date
    ) async throws -> CertificateRevocationList {
        guard reason != .removeFromCRL else {
            throw PolicyAdministrationError(.invalidRevocation, "removeFromCRL is only meaningful in delta CRLs (RFC 5280 §5.3.1)")
        }
        guard !serialNumber.bytes.isEmpty else {
            throw PolicyAdministrationError(.invalidRevocation, "serial number is empty")
        }
        try await store.recordRevocation(
            RevocationRecord(serialNumber: serialNumber, issuer: issuerName, reason: reason, revokedAt: time)
        )
        return try await makeCRL(at: time)
    }

    /// Revokes `certificate` (its serial and issuer).
    ///
    /// - Throws: as ``revoke(serialNumber:issuerName:reason:at:)``.
    @discardableResult
    public func revoke(_ certificate: Certificate, reason: RevocationReason, at time: Date) async throws -> CertificateRevocationList {
        try await revoke(serialNumber: certificate.serialNumber, issuerName: certificate.issuer, reason: reason, at: time)
    }

    /// Makes a new CRL from every recorded revocation with the next CRL number, and caches it.
    ///
    /// - Throws: ``PolicyAdministrationError/Code/crlFailed`` or a store error.
    @discardableResult
    public func makeCRL(at time: Date) async throws -> CertificateRevocationList {
        let revocations = try await store.revocations()
        let number = try await store.allocateCRLNumber()
        let crl = try issuer.makeCRL(revocations: revocations, crlNumber: number, at: time)
        if let current = cached, let currentNumber = current.crlNumber, let newNumber = crl.crlNumber, currentNumber > newNumber {
            return current
        }
        cached = crl
        return crl
    }

    /// The CRL to serve at `time`: the cached one while it is younger than ``refreshInterval``, else a new one.
    ///
    /// - Throws: as ``makeCRL(at:)``.
    public func currentCRL(at time: Date) async throws -> CertificateRevocationList {
        if let cached, time >= cached.thisUpdate, time < cached.thisUpdate + refreshInterval {
            return cached
        }
        return try await makeCRL(at: time)
    }
}
