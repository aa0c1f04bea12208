import Foundation
import STIRCertificates
import SwiftASN1
import X509

/// The signing side of the ACME CA: reserves a serial in the ledger, has the foundation's builder lint
/// and sign, then records the certificate (Boulder's order: serial committed before signing).
///
/// Serials carry 126 bits from the injected CSPRNG (ATIS-1000080 requires at least 64). A serial
/// collision is retried with a fresh serial; the reserved-but-unsigned serial stays as a harmless gap.
public struct ACMEIssuer: Sendable {
    /// The issuing CA certificate.
    public let certificate: Certificate
    /// The issuers above it, up to but not including the trust anchor; the served chain is the new
    /// certificate, ``certificate``, then these.
    public let chainAboveIssuer: [Certificate]
    /// The CRL distribution point URL put into issued certificates.
    public let crlDistributionPointURL: String
    /// The indirect CRL issuer (the STI-PA) or `nil` for a CRL the issuer signs.
    public let crlIssuer: DistinguishedName?
    /// The observer of the issuance steps (``IssuanceProbe/none`` unless a composition root sets one).
    public let probe: IssuanceProbe
    private let privateKey: Certificate.PrivateKey
    private let ledger: any CertificateLedger
    private let environment: ACMEEnvironment

    /// How many serial collisions are retried before giving up.
    public static let serialAttempts = 3

    /// Creates an issuer.
    public init(
        certificate: Certificate, privateKey: Certificate.PrivateKey, chainAboveIssuer: [Certificate],
        crlDistributionPointURL: String, crlIssuer: DistinguishedName?, ledger: any CertificateLedger, environment: ACMEEnvironment,
        probe: IssuanceProbe = .none
    ) {
        self.certificate = certificate
        self.privateKey = privateKey
        self.chainAboveIssuer = chainAboveIssuer
        self.crlDistributionPointURL = crlDistributionPointURL
        self.crlIssuer = crlIssuer
        self.ledger = ledger
        self.environment = environment
        self.probe = probe
    }

    /// Issues a certificate for a finalized order.
    ///
    /// - Parameters:
    ///   - request: the certificate request (its serial is set here).
    ///   - linter: the linter to run before signing.
    ///   - order: the order being finalized.
    /// - Returns: the recorded certificate.
    /// - Throws: ``ACMEError/Code/badCSR`` when linting fails (the findings are in the detail),
    ///   ``ACMEError/Code/serverInternal`` for ledger or signing failures.
    public func issue(_ request: STICertificateRequest, linter: STICertificateLinter, order: ACMEOrder) async throws(ACMEError) -> IssuedCertificate {
        var request = request
        request.crlDistributionPointURL = crlDistributionPointURL
        request.crlIssuer = crlIssuer
        request.notValidAfter = min(request.notValidAfter, certificate.notValidAfter)
        let serial = try await reserveSerial(order: order)
        request.serialNumber = serial.serialNumber
        probe.reached(.serialReserved, order: order.id)
        let signed: Certificate
        do {
            signed = try STICertificateBuilder(linter: linter).issue(request, issuer: .certificate(certificate, privateKey: privateKey))
        } catch let error as STIRCertificatesError where error.code == .lintFailed {
            throw ACMEError(.badCSR, "the certificate would not conform to its profile: \(error.findings.map(\.description).joined(separator: "; "))")
        } catch {
            throw .serverInternal("signing failed: \(error)")
        }
        probe.reached(.signed, order: order.id)
        let record: IssuedCertificate
        do {
            var serializer = DER.Serializer()
            try serializer.serialize(signed)
            let pem = try ([signed, certificate] + chainAboveIssuer).map { try $0.serializeAsPEM().pemString }.joined(separator: "\n") + "\n"
            record = IssuedCertificate(
                serial: serial, accountID: order.accountID, orderID: order.id, der: serializer.serializedBytes,
                chainPEM: pem, issuedAt: environment.now(), notAfter: signed.notValidAfter
            )
        } catch {
            throw .serverInternal("cannot serialize the issued certificate: \(error)")
        }
        let recorded: Bool
        do {
            recorded = try await ledger.recordIssuance(record)
        } catch {
            throw .serverInternal("ledger record failed: \(error)")
        }
        guard recorded else {
            throw .serverInternal("ledger refused the certificate for serial \(serial)")
        }
        probe.reached(.recorded, order: order.id)
        return record
    }

    private func reserveSerial(order: ACMEOrder) async throws(ACMEError) -> CertificateSerial {
        var generator = environment.generator
        for _ in 0..<Self.serialAttempts {
            let serial = CertificateSerial(STICertificateBuilder.randomSerialNumber(using: &generator))
            let reservation = SerialReservation(serial: serial, orderID: order.id, accountID: order.accountID, reservedAt: environment.now())
            do {
                if try await ledger.reserveSerial(reservation) { return serial }
            } catch {
                throw .serverInternal("ledger reservation failed: \(error)")
            }
        }
        throw .serverInternal("no unique serial after \(Self.serialAttempts) attempts")
    }
}
