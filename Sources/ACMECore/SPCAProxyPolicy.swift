import AuthorityToken
import JOSE
import TNAuthList
import X509

/// The checks of a provider's SP-CA-proxy before it relays a PBX's ACME request to the STI-CA
/// (seed 002 §6.2–§6.3, figure 10): the request is a PBX-signed JWS addressed to the proxy; the
/// account key is one a registered PBX obtained a token for (step 6); the order's TNAuthList lies
/// within that PBX's delegation (step 9); the CSR's TNAuthList equals the order's and lies within the
/// delegation (step 10). Every refusal is an ``ACMEError`` with its RFC 8555 §6.7 problem type.
///
/// The proxy never holds the PBX's key: it verifies signatures and forwards the bytes unchanged.
public struct SPCAProxyPolicy: Sendable {
    /// A request the proxy received, its JWS checked.
    public struct Request: Sendable {
        /// The protected header.
        public let header: ACMEProtectedHeader
        /// The payload, or `nil` for POST-as-GET.
        public let payload: JSONValue?
    }

    /// The largest relayed body, in bytes.
    public let maximumBodySize: Int

    /// Creates the policy.
    public init(maximumBodySize: Int = 65_536) {
        self.maximumBodySize = maximumBodySize
    }

    /// Parses a request JWS (RFC 8555 §6.2), checks its ES256 signature by `accountKey` (or, when
    /// `accountKey` is `nil`, by the `jwk` it embeds), and its `url` against the proxy URL it reached
    /// (§6.4). The nonce is the STI-CA's to check.
    ///
    /// - Throws: ``ACMEError`` `malformed` (shape, signature, key form), `unauthorized` (`url`), `badNonce` (no nonce).
    public func verify(body: [UInt8], receivedAt url: String, accountKey: JSONWebKey?) throws(ACMEError) -> Request {
        let (jws, header) = try ACMERequestVerifier.readRequest(body, maximumBodySize: maximumBodySize)
        let key: JSONWebKey
        switch (header.key, accountKey) {
        case (.jwk(let embedded), nil):
            key = embedded
        case (.kid, .some(let known)):
            key = known
        case (.jwk, .some):
            throw ACMEError(.malformed, "this endpoint needs kid, not jwk (RFC 8555 §6.2)")
        case (.kid, nil):
            throw ACMEError(.malformed, "this endpoint needs jwk, not kid (RFC 8555 §6.2)")
        }
        try ACMERequestVerifier.checkSignature(jws, key: key)
        guard header.url == url else {
            throw ACMEError(.unauthorized, "url \"\(header.url)\" differs from the proxy URL \"\(url)\" (RFC 8555 §6.4)")
        }
        guard header.nonce != nil else {
            throw ACMEError(.badNonce, "the protected header has no nonce (RFC 8555 §6.5)")
        }
        return Request(header: header, payload: try ACMERequestVerifier.parsePayload(jws))
    }

    /// The key reference (`jwk` or `kid`) of a request JWS, read before its signature can be checked
    /// (a `kid` names the account whose key verifies it).
    ///
    /// - Throws: ``ACMEError/Code/malformed`` for a body that is not an ACME request JWS.
    public func keyReference(_ body: [UInt8]) throws(ACMEError) -> ACMEProtectedHeader.KeyReference {
        try ACMERequestVerifier.readRequest(body, maximumBodySize: maximumBodySize).header.key
    }

    /// Figure 10 step 6: the `jwk` of a newAccount request and the customer that obtained a token
    /// for it through the SP-PA-proxy.
    ///
    /// - Throws: ``ACMEError/Code/unauthorized`` when no registered PBX obtained a token for the key.
    public func admitAccount(_ request: Request, registry: any SPCAProxyRegistry) async throws(ACMEError) -> (key: JSONWebKey, customer: String) {
        guard case .jwk(let key) = request.header.key else {
            throw ACMEError(.malformed, "newAccount needs jwk (RFC 8555 §6.2)")
        }
        let fingerprint = AccountKeyFingerprint(accountKey: key)
        let customer: String?
        do {
            customer = try await registry.customer(forAccountKey: fingerprint)
        } catch {
            throw .serverInternal("proxy registry: \(error)")
        }
        guard let customer else {
            throw ACMEError(
                .unauthorized,
                "no PBX registered with this provider obtained a token for account key \(fingerprint) through the SP-PA-proxy (seed 002 §6.3 step 6)"
            )
        }
        return (key, customer)
    }

    /// Figure 10 step 9: the newOrder identifier, which must lie within the PBX's delegation.
    ///
    /// - Throws: ``ACMEError`` `malformed`, `unsupportedIdentifier`, `rejectedIdentifier`.
    public func admitOrder(_ request: Request, delegated: TNAuthorizationList) throws(ACMEError) -> TNAuthListIdentifier {
        let payload = try ACMEService.object(request.payload, "newOrder")
        guard let identifiers = payload["identifiers"]?.arrayValue, identifiers.count == 1, let entry = identifiers[0].objectValue else {
            throw ACMEError(.malformed, "an order carries exactly one TNAuthList identifier")
        }
        guard let type = entry["type"]?.stringValue, let value = entry["value"]?.stringValue else {
            throw ACMEError(.malformed, "an identifier needs string type and value")
        }
        guard type == TNAuthListIdentifier.type else {
            throw ACMEError(.unsupportedIdentifier, "identifier type \"\(type)\" is not supported; use TNAuthList (RFC 9448 §3)")
        }
        let identifier = try TNAuthListIdentifier(value: value)
        try Self.requireWithin(identifier.tnAuthList, delegated, code: .rejectedIdentifier, what: "the order's TNAuthList")
        return identifier
    }

    /// Figure 10 step 10: the finalize CSR (P-256, signed, TNAuthList DER-equal to the order's
    /// identifier, RFC 9448 §5) whose TNAuthList lies within the PBX's delegation.
    ///
    /// - Throws: ``ACMEError`` `malformed` (no csr), `badCSR`.
    public func admitFinalize(_ request: Request, identifier: TNAuthListIdentifier, delegated: TNAuthorizationList) throws(ACMEError) {
        let payload = try ACMEService.object(request.payload, "finalize")
        let csr = try ACMEService.csr(payload, identifier: identifier)
        guard let list = try? csr.requestedTNAuthList else {
            throw ACMEError(.badCSR, "the CSR requests no TNAuthList (RFC 9448 §5)")
        }
        try Self.requireWithin(list, delegated, code: .badCSR, what: "the CSR's TNAuthList")
    }

    static func requireWithin(_ list: TNAuthorizationList, _ delegated: TNAuthorizationList, code: ACMEError.Code, what: String) throws(ACMEError) {
        guard list.serviceProviderCodes.isEmpty else {
            throw ACMEError(code, "\(what) names an SPC; a PBX obtains TN-level certificates only (seed 002 §6.2)")
        }
        switch TNScope(delegated).encompasses(TNScope(list)) {
        case .encompassed:
            return
        case .notEncompassed(let uncovered), .unprovable(let uncovered, _):
            throw ACMEError(
                code, "\(what) is outside the numbers delegated to this PBX: \(uncovered.map(\.description).joined(separator: ", "))"
            )
        }
    }
}
