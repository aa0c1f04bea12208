import ACMECore
import AuthorityToken
import Crypto
import Foundation
import JOSE
import STIRTesting
import SwiftASN1
import TNAuthList
import X509

/// A token authority for tests (the STI-PA's SPC-token signer, or an STI-SCA acting as one for its
/// customers): a self-signed anchor, a signing certificate under it, and a signer.
public struct TokenAuthorityFixture: Sendable {
    /// The anchor a ``TKAuthValidator`` trusts.
    public let anchor: Certificate
    /// The signing certificate served at ``x5u``.
    public let signingCertificate: Certificate
    /// The signing key.
    public let signingKey: P256.Signing.PrivateKey
    /// The URL of the signing certificate.
    public let x5u: String

    /// Creates the fixture with keys derived from `label`, valid around `referenceTime`.
    public init(label: String = "sti-pa-token", x5u: String = "https://sti-pa.example/token-signer.pem", referenceTime: Date = TestPKI.defaultReferenceTime) throws {
        let anchorKey = TestPKI.key(label + "-anchor")
        let signingKey = TestPKI.key(label)
        let anchorName = try DistinguishedName { CommonName("Token Authority Root \(label)") }
        let signerName = try DistinguishedName { CommonName("Token Authority \(label)") }
        anchor = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(bytes: [1]), publicKey: .init(anchorKey.publicKey),
            notValidBefore: referenceTime - 365 * 86_400, notValidAfter: referenceTime + 3_650 * 86_400,
            issuer: anchorName, subject: anchorName, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                KeyUsage(keyCertSign: true, cRLSign: true)
            },
            issuerPrivateKey: .init(anchorKey)
        )
        signingCertificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(bytes: [2]), publicKey: .init(signingKey.publicKey),
            notValidBefore: referenceTime - 30 * 86_400, notValidAfter: referenceTime + 365 * 86_400,
            issuer: anchorName, subject: signerName, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                KeyUsage(digitalSignature: true)
            },
            issuerPrivateKey: .init(anchorKey)
        )
        self.signingKey = signingKey
        self.x5u = x5u
    }

    /// A certificate source serving ``signingCertificate`` at ``x5u``.
    public var source: StaticTokenAuthorityCertificateSource {
        StaticTokenAuthorityCertificateSource([x5u: [signingCertificate]])
    }

    /// Signs an SPC token for `list`, bound to `accountKey`.
    public func token(
        for list: TNAuthorizationList, accountKey: JSONWebKey, isCA: Bool = false, tokenID: String = "jti-1",
        expiresAt: Date, notBefore: Date? = nil, issuer: String = "https://sti-pa.example"
    ) throws -> String {
        let claims = try AuthorityTokenClaims(
            issuer: issuer, expiresAt: Int64(expiresAt.timeIntervalSince1970), tokenID: tokenID,
            notBefore: notBefore.map { Int64($0.timeIntervalSince1970) },
            atc: try AuthorityTokenClaims.ATC(tnAuthList: list, isCA: isCA, fingerprint: AccountKeyFingerprint(accountKey: accountKey))
        )
        return try AuthorityTokenSigner(privateKey: signingKey, x5u: x5u).sign(claims)
    }
}

/// A ``TokenAuthorityCertificateSource`` over a fixed map from URL to chain.
public struct StaticTokenAuthorityCertificateSource: TokenAuthorityCertificateSource {
    /// The chains by URL.
    public let chains: [String: [Certificate]]

    /// Creates the source.
    public init(_ chains: [String: [Certificate]]) {
        self.chains = chains
    }

    /// A URL that is not in the map.
    public struct NotFound: Error, CustomStringConvertible {
        /// The URL.
        public let url: String
        /// A description.
        public var description: String { "no certificate at \(url)" }
    }

    /// The reference behaviour of the protocol requirement `certificates`.
    public func certificates(at x5u: String) async throws -> [Certificate] {
        guard let chain = chains[x5u] else { throw NotFound(url: x5u) }
        return chain
    }
}
