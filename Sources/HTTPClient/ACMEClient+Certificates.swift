import Crypto
import JOSE
import STIRCertificates
import SwiftASN1
import TNAuthList
import X509

/// The outcome of one issuance: the final order and the downloaded chain, leaf first.
public struct ACMEIssuance: Sendable {
    /// The order, `valid`.
    public let order: ACMEOrderResource
    /// The chain (RFC 8555 §9.1), leaf first.
    public let chain: [Certificate]
}

extension ACMEClient {
    /// Downloads a certificate chain with POST-as-GET (RFC 8555 §7.4.2), `application/pem-certificate-chain`.
    ///
    /// - Throws: ``HTTPClientError``; `malformedPEM`/`emptyChain` for a bad body.
    public func downloadChain(at url: String) async throws(HTTPClientError) -> [Certificate] {
        let response = try await post(url, payload: nil, accept: "application/pem-certificate-chain")
        return try PEMCertificateChain.parse(response.body)
    }

    /// Revokes a certificate (§7.6), signed by the account key or, with `certificateKey`, by the
    /// certificate's own key under `jwk`.
    ///
    /// - Parameters:
    ///   - certificate: The certificate.
    ///   - reason: An RFC 5280 §5.3.1 reason code, if any.
    ///   - certificateKey: The certificate's private key, to revoke without the account.
    /// - Throws: ``HTTPClientError``; `acmeProblem` with `alreadyRevoked`, `unauthorized`, ….
    public func revoke(
        _ certificate: Certificate, reason: Int? = nil, certificateKey: P256.Signing.PrivateKey? = nil
    ) async throws(HTTPClientError) {
        let url = try await directory().revokeCert
        let der: [UInt8]
        do {
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            der = serializer.serializedBytes
        } catch {
            throw HTTPClientError(.signingFailed, "the certificate does not encode: \(error)")
        }
        var members: [JSONObject.Member] = [.init("certificate", .string(Base64URL.encode(der)))]
        if let reason { members.append(.init("reason", .integer(Int64(reason)))) }
        let signer: Signer = certificateKey.map { .jwk($0) } ?? .account
        _ = try await post(url, payload: .object(try Self.object(members)), signer: signer)
    }

    /// Obtains an STI certificate for `list` (ATIS-1000080 §6.3.5.2): account (created or found),
    /// newOrder, `tkauth-01` answered with `token`, polling, finalize with a CSR from
    /// `CertificateSigningRequest.stiRequest` (cA=TRUE when `isCA`, ATIS-1000092 §5.3.2), download.
    /// Renewal is the same call for the same list with a fresh token (RFC 8555 has no renew).
    ///
    /// - Parameters:
    ///   - list: The TNAuthList (SPC or TNs).
    ///   - token: The SPC token whose `fingerprint` names this account key (RFC 9448 §5).
    ///   - certificateKey: The subject's P-256 key.
    ///   - subject: The subject name.
    ///   - isCA: Whether to ask for a CA certificate (needs a token with `ca: true`).
    /// - Throws: ``HTTPClientError``.
    public func obtainCertificate(
        for list: TNAuthorizationList, token: String, certificateKey: P256.Signing.PrivateKey, subject: DistinguishedName,
        isCA: Bool = false
    ) async throws(HTTPClientError) -> ACMEIssuance {
        if accountURL == nil { try await register() }
        let order = try await newOrder(for: list)
        for url in order.authorizations {
            let authorization = try await authorization(at: url)
            if authorization.status == "valid" { continue }
            guard let challenge = authorization.tkauthChallenge else {
                throw HTTPClientError(.malformedResponse, "authorization \(url) offers no tkauth-01 challenge with tkauth-type atc")
            }
            let answered = try await respond(to: challenge, token: token)
            if answered.status == "invalid" {
                throw HTTPClientError(.orderInvalid, "challenge \(challenge.url) is invalid" + (answered.error.map { ": \($0)" } ?? ""), problem: answered.error)
            }
            _ = try await waitUntilValid(authorization: url)
        }
        let csr: CertificateSigningRequest
        do {
            csr = try CertificateSigningRequest.stiRequest(
                subject: subject, privateKey: Certificate.PrivateKey(certificateKey), tnAuthList: list,
                basicConstraints: isCA ? .isCertificateAuthority(maxPathLength: nil) : nil
            )
        } catch {
            throw HTTPClientError(.signingFailed, "cannot build the CSR: \(error)")
        }
        let finished = try await finalize(try await self.order(at: order.url), csr: csr)
        guard let certificateURL = finished.certificate else {
            throw HTTPClientError(.malformedResponse, "valid order \(order.url) has no certificate URL")
        }
        return ACMEIssuance(order: finished, chain: try await downloadChain(at: certificateURL))
    }
}
