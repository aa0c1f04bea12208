import Crypto
import Foundation
import JOSE
import SwiftASN1
import X509

extension ACMEService {
    /// The CRLReason codes a client may ask for (RFC 5280 §5.3.1): unspecified, keyCompromise,
    /// affiliationChanged, superseded, cessationOfOperation, privilegeWithdrawn.
    public static let acceptedRevocationReasons: Set<Int> = [0, 1, 3, 4, 5, 9]

    /// revokeCert (RFC 8555 §7.6): `{"certificate": base64url(DER), "reason": n}` signed by the
    /// account that ordered the certificate (`kid`) or by the certificate's own key (`jwk`).
    ///
    /// - Throws: ``ACMEError``: `malformed`, not found (404), `unauthorized`, `badRevocationReason`,
    ///   `alreadyRevoked`.
    public func revoke(_ request: VerifiedRequest) async throws(ACMEError) -> IssuedCertificate {
        let payload = try Self.object(request.payload, "revokeCert")
        guard let text = payload["certificate"]?.stringValue else {
            throw ACMEError(.malformed, "revokeCert needs a certificate string")
        }
        let der: [UInt8]
        let certificate: Certificate
        do {
            der = try Base64URL.decode(text)
            certificate = try Certificate(derEncoded: der)
        } catch {
            throw ACMEError(.malformed, "certificate is not base64url of a DER certificate: \(error)")
        }
        var reason = 0
        if let value = payload["reason"] {
            guard let code = value.integerValue, Self.acceptedRevocationReasons.contains(Int(code)) else {
                throw ACMEError(.badRevocationReason, "reason must be one of \(Self.acceptedRevocationReasons.sorted()) (RFC 5280 §5.3.1)")
            }
            reason = Int(code)
        }
        let serial = CertificateSerial(certificate.serialNumber)
        guard let record = try await storage("certificate ledger", { try await ledger.certificate(serial) }), record.der == der else {
            throw .notFound("a certificate issued by this CA with serial \(serial)")
        }
        switch request {
        case .account(let authenticated):
            guard authenticated.account.id == record.accountID else {
                throw ACMEError(.unauthorized, "the account did not order this certificate")
            }
        case .key(let keyRequest):
            guard let key = P256.Signing.PublicKey(certificate.publicKey), JSONWebKey(publicKey: key) == keyRequest.key else {
                throw ACMEError(.unauthorized, "the request is not signed by the certificate's key")
            }
        }
        let now = environment.now()
        switch try await storage("certificate ledger", { try await ledger.markRevoked(serial, reason: reason, at: now) }) {
        case .revoked:
            var revoked = record
            revoked.revocation = IssuedCertificate.Revocation(reason: reason, date: now)
            return revoked
        case .alreadyRevoked:
            throw ACMEError(.alreadyRevoked, "certificate \(serial) is already revoked")
        case .unknown:
            throw .notFound("certificate \(serial)")
        }
    }
}
