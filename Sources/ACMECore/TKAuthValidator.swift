import AuthorityToken
import Crypto
import Foundation
import JOSE
@_spi(FixedExpiryValidationTime) import X509

/// Validates a `tkauth-01` response (RFC 9447 §3–§5, RFC 9448 §6; ATIS-1000080 §6.3.5.2).
///
/// In order: the SPC token parses strictly (size-limited, ES256 pinned); the token authority's chain
/// fetched from `x5u` validates to a configured trust anchor (swift-certificates' RFC 5280 verifier);
/// the signature verifies with that certificate's key; `exp`/`nbf` hold within the skew; `tkvalue`
/// is DER-equal to the authorization's identifier; `fingerprint` names the account key; and only then
/// is `jti` recorded as used, so a rejected token does not burn its identifier.
public struct TKAuthValidator: Sendable {
    /// The token authorities' trust anchors (the STI-PA's, or an STI-SCA's for its customers).
    public let trustAnchors: [Certificate]
    /// Tolerated clock difference in seconds.
    public let clockSkew: Int64
    private let source: any TokenAuthorityCertificateSource
    private let replay: any TokenReplayStore

    /// Creates a validator.
    public init(
        trustAnchors: [Certificate], source: any TokenAuthorityCertificateSource, replay: any TokenReplayStore,
        clockSkew: Int64 = 60
    ) {
        self.trustAnchors = trustAnchors
        self.source = source
        self.replay = replay
        self.clockSkew = clockSkew
    }

    /// Validates `token` for an authorization of `identifier` held by the account with `accountKey`.
    ///
    /// - Returns: the verified token; its `atc.isCA` decides whether a CA certificate may follow.
    /// - Throws: ``ACMEError``: `malformed` (token structure), `unauthorized` (authority, signature,
    ///   time, fingerprint, replay), `rejectedIdentifier` (`tktype`, `tkvalue`).
    public func validate(token: String, identifier: TNAuthListIdentifier, accountKey: JSONWebKey, now: Date) async throws(ACMEError)
        -> VerifiedAuthorityToken
    {
        let unverified: UnverifiedAuthorityToken
        do {
            unverified = try UnverifiedAuthorityToken(compact: token)
        } catch where error.code == .unsupportedTokenType {
            throw ACMEError(.rejectedIdentifier, "SPC token: \(error.reason)")
        } catch {
            throw ACMEError(.malformed, "SPC token is malformed: \(error.reason)")
        }
        let key = try await authorityKey(x5u: unverified.unverifiedHeader.x5u, now: now)
        let verified: VerifiedAuthorityToken
        do {
            verified = try unverified.verifySignature(using: key)
        } catch {
            throw ACMEError(.unauthorized, "SPC token signature does not verify with the token authority's key")
        }
        let claims = verified.claims
        let seconds = Int64(now.timeIntervalSince1970.rounded(.down))
        do {
            try claims.checkValidity(now: seconds, skew: clockSkew)
        } catch {
            throw ACMEError(.unauthorized, "SPC token is outside its validity: \(error.reason)")
        }
        guard claims.atc.tnAuthListDER == identifier.der else {
            throw ACMEError(
                .rejectedIdentifier,
                "SPC token tkvalue \(claims.atc.tnAuthList) differs from the order identifier \(identifier.tnAuthList)"
            )
        }
        guard claims.atc.fingerprint.matches(accountKey) else {
            throw ACMEError(
                .unauthorized,
                "SPC token fingerprint \(claims.atc.fingerprint) is not the account key's \(AccountKeyFingerprint(accountKey: accountKey))"
            )
        }
        let first: Bool
        do {
            first = try await replay.recordTokenUse(
                issuer: claims.issuer, tokenID: claims.tokenID,
                expiresAt: Date(timeIntervalSince1970: TimeInterval(claims.expiresAt + clockSkew)), now: now
            )
        } catch {
            throw .serverInternal("token replay store: \(error)")
        }
        guard first else {
            throw ACMEError(.unauthorized, "SPC token jti \"\(claims.tokenID)\" was already used")
        }
        return verified
    }

    private func authorityKey(x5u: String, now: Date) async throws(ACMEError) -> P256.Signing.PublicKey {
        let chain: [Certificate]
        do {
            chain = try await source.certificates(at: x5u)
        } catch {
            throw ACMEError(.unauthorized, "cannot fetch the token authority certificate at \(x5u): \(error)")
        }
        guard let leaf = chain.first else {
            throw ACMEError(.unauthorized, "no certificate at the token authority x5u \(x5u)")
        }
        var verifier = Verifier(rootCertificates: CertificateStore(trustAnchors)) {
            RFC5280Policy(fixedExpiryValidationTime: now)
        }
        let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore(Array(chain.dropFirst())))
        guard case .validCertificate = result else {
            throw ACMEError(.unauthorized, "the certificate at \(x5u) does not chain to a trusted token authority")
        }
        guard let key = P256.Signing.PublicKey(leaf.publicKey) else {
            throw ACMEError(.unauthorized, "the token authority certificate key is not P-256")
        }
        return key
    }
}
