import Crypto
import Foundation
import JOSE
import STIRCertificates
import SwiftASN1
import X509

extension ACMEService {
    /// finalize (RFC 8555 §7.4): the order must be `ready`; it moves to `processing` by compare-and-set,
    /// the CSR is checked (P-256, its signature, TNAuthList DER-equal to the identifier, cA=TRUE only
    /// with a `ca:true` token), and the certificate is issued. Any failure after `processing` makes the
    /// order `invalid` with the error, so no order stays in `processing`.
    ///
    /// - Throws: ``ACMEError``: `orderNotReady`, `badCSR`, `rejectedIdentifier`, `serverInternal`.
    public func finalize(_ id: ACMEOrder.ID, request: AuthenticatedRequest) async throws(ACMEError) -> ACMEOrder {
        let order = try await ownedOrder(id, account: request.account.id)
        let authorizations = try await authorizations(of: order)
        let now = environment.now()
        let status = order.effectiveStatus(authorizations: authorizations, at: now)
        guard status == .ready else {
            throw ACMEError(.orderNotReady, "the order is \(status.rawValue), not ready (RFC 8555 §7.4)")
        }
        if order.status == .pending {
            _ = try await storage("order store") { try await orders.markOrderReady(id) }
        }
        let payload = try Self.object(request.payload, "finalize")
        guard try await storage("order store", { try await orders.markOrderProcessing(id, at: now) }) else {
            throw ACMEError(.orderNotReady, "the order is already being finalized")
        }
        issuer.probe.reached(.orderProcessing, order: id)
        do throws(ACMEError) {
            let csr = try Self.csr(payload, identifier: order.identifier)
            let requestsCA = try Self.requestsCA(csr)
            let grantsCA = authorizations.allSatisfy { $0.grantsCA == true }
            let plan = try policy.plan(for: order.identifier, requestsCA: requestsCA, grantsCA: grantsCA)
            let certificateRequest = STICertificateRequest(
                profile: plan.profile, subject: csr.subject, publicKey: csr.publicKey, tnAuthList: order.identifier.tnAuthList,
                notValidBefore: now - configuration.backdate, notValidAfter: now - configuration.backdate + plan.lifetime
            )
            let issued = try await issuer.issue(certificateRequest, linter: plan.linter, order: order)
            guard try await storage("order store", { try await orders.completeOrder(id, certificate: issued.serial) }) else {
                throw ACMEError.serverInternal("order \(id) left processing before completion")
            }
            issuer.probe.reached(.orderValid, order: id)
        } catch {
            _ = try? await orders.failOrder(id, error: error)
            throw error
        }
        return try await self.order(id, request: request)
    }

    /// The certificate chain of an issued certificate for its owner (RFC 8555 §7.4.2).
    ///
    /// - Throws: ``ACMEError``: not found (404), `unauthorized`.
    public func certificate(_ serial: CertificateSerial, request: AuthenticatedRequest) async throws(ACMEError) -> IssuedCertificate {
        guard let record = try await storage("certificate ledger", { try await ledger.certificate(serial) }) else {
            throw .notFound("certificate \(serial)")
        }
        guard record.accountID == request.account.id else {
            throw ACMEError(.unauthorized, "the certificate belongs to another account")
        }
        return record
    }

    /// Reads and checks the CSR of a finalize payload `{"csr": base64url(DER)}` (RFC 8555 §7.4).
    static func csr(_ payload: JSONObject, identifier: TNAuthListIdentifier) throws(ACMEError) -> CertificateSigningRequest {
        guard let text = payload["csr"]?.stringValue else {
            throw ACMEError(.malformed, "finalize needs a csr string")
        }
        let csr: CertificateSigningRequest
        do {
            csr = try CertificateSigningRequest(derEncoded: try Base64URL.decode(text))
        } catch {
            throw ACMEError(.badCSR, "csr is not base64url of a DER PKCS #10 request: \(error)")
        }
        guard P256.Signing.PublicKey(csr.publicKey) != nil else {
            throw ACMEError(.badCSR, "the CSR key is not EC P-256 (ATIS-1000080 §6.4.1)")
        }
        guard csr.publicKey.isValidSignature(csr.signature, for: csr) else {
            throw ACMEError(.badCSR, "the CSR signature does not verify")
        }
        let requested: TNAuthorizationListDER
        do {
            requested = try TNAuthorizationListDER(csr)
        } catch {
            throw ACMEError(.badCSR, "the CSR TNAuthList is malformed: \(error)")
        }
        guard let der = requested.der else {
            throw ACMEError(.badCSR, "the CSR requests no TNAuthList (RFC 9448 §5)")
        }
        guard der == identifier.der else {
            throw ACMEError(.badCSR, "the CSR TNAuthList differs from the order identifier (RFC 9448 §5)")
        }
        return csr
    }

    /// Whether the CSR asks basicConstraints cA=TRUE.
    static func requestsCA(_ csr: CertificateSigningRequest) throws(ACMEError) -> Bool {
        do {
            if case .isCertificateAuthority = try csr.requestedBasicConstraints { return true }
            return false
        } catch {
            throw ACMEError(.badCSR, "the CSR basicConstraints are malformed: \(error)")
        }
    }
}

/// The DER of a CSR's requested TNAuthList.
private struct TNAuthorizationListDER {
    let der: [UInt8]?

    init(_ csr: CertificateSigningRequest) throws {
        der = try csr.requestedTNAuthList?.derEncoded()
    }
}
