import AuthorityToken
import Crypto
import Foundation
import JOSE
import TNAuthList
import Testing

@Suite("SPC token signing and verification")
struct AuthorityTokenRoundTripTests {
    static let authorityKey = Fixtures.key(1)
    static let accountKey = JSONWebKey(publicKey: Fixtures.key(2).publicKey)

    static func claims(isCA: Bool = false, nbf: Int64? = nil) throws -> AuthorityTokenClaims {
        let atc = try AuthorityTokenClaims.ATC(
            tnAuthList: try TNAuthorizationList([.spc(try ServiceProviderCode("1234"))]),
            isCA: isCA,
            fingerprint: AccountKeyFingerprint(accountKey: accountKey)
        )
        return try AuthorityTokenClaims(issuer: "https://sti-pa.example", expiresAt: 1_700_000_000, tokenID: "jti-1", notBefore: nbf, atc: atc)
    }

    @Test("a signed token parses back to the same claims and verifies with the authority key", arguments: [false, true])
    func roundTrip(isCA: Bool) throws {
        let signer = try AuthorityTokenSigner(privateKey: Self.authorityKey, x5u: "https://sti-pa.example/cert.pem")
        let claims = try Self.claims(isCA: isCA, nbf: 1_699_999_000)
        let token = try signer.sign(claims)
        let parsed = try UnverifiedAuthorityToken(compact: token)
        #expect(parsed.unverifiedClaims == claims)
        #expect(parsed.unverifiedHeader.x5u == "https://sti-pa.example/cert.pem")
        let verified = try parsed.verifySignature(using: Self.authorityKey.publicKey)
        #expect(verified.claims.atc.isCA == isCA)
        #expect(verified.claims.atc.fingerprint.matches(Self.accountKey))
        #expect(verified.compact == token)
    }

    @Test("the header and claims are canonical JSON with tkvalue as padded standard base64")
    func wireForm() throws {
        let signer = try AuthorityTokenSigner(privateKey: Self.authorityKey, x5u: "https://sti-pa.example/cert.pem")
        let token = try signer.sign(try Self.claims())
        let jws = try CompactJWS(token)
        #expect(String(decoding: jws.header, as: UTF8.self) == #"{"alg":"ES256","typ":"JWT","x5u":"https://sti-pa.example/cert.pem"}"#)
        let payload = String(decoding: jws.payload, as: UTF8.self)
        #expect(payload.hasPrefix(#"{"atc":{"ca":false,"fingerprint":"SHA256 "#))
        #expect(payload.contains(#""tktype":"TNAuthList","tkvalue":"MAigBhYEMTIzNA=="}"#))
        #expect(try CanonicalJSON.isCanonical(jws.payload))
    }

    @Test("a token verified with another key is rejected")
    func wrongKey() throws {
        let signer = try AuthorityTokenSigner(privateKey: Self.authorityKey, x5u: "https://sti-pa.example/cert.pem")
        let parsed = try UnverifiedAuthorityToken(compact: try signer.sign(try Self.claims()))
        #expect(throws: AuthorityTokenError(code: .signatureInvalid, reason: "")) {
            try parsed.verifySignature(using: Fixtures.key(3).publicKey)
        }
    }

    @Test("a changed payload with the original signature is rejected")
    func tamperedPayload() throws {
        let signer = try AuthorityTokenSigner(privateKey: Self.authorityKey, x5u: "https://sti-pa.example/cert.pem")
        let token = try signer.sign(try Self.claims(isCA: false))
        let other = try signer.sign(try Self.claims(isCA: true))
        let parts = token.split(separator: ".")
        let otherParts = other.split(separator: ".")
        let spliced = "\(parts[0]).\(otherParts[1]).\(parts[2])"
        let parsed = try UnverifiedAuthorityToken(compact: spliced)
        #expect(throws: AuthorityTokenError(code: .signatureInvalid, reason: "")) {
            try parsed.verifySignature(using: Self.authorityKey.publicKey)
        }
    }

    @Test("a token longer than the limit is refused before parsing")
    func sizeLimit() throws {
        let signer = try AuthorityTokenSigner(privateKey: Self.authorityKey, x5u: "https://sti-pa.example/cert.pem")
        let token = try signer.sign(try Self.claims())
        #expect(throws: AuthorityTokenError(code: .tooLarge, reason: "")) {
            try UnverifiedAuthorityToken(compact: token, maximumLength: token.utf8.count - 1)
        }
        #expect(throws: AuthorityTokenError(code: .tooLarge, reason: "")) {
            try UnverifiedAuthorityToken(compact: String(repeating: "a", count: UnverifiedAuthorityToken.maximumLength + 1))
        }
    }

    @Test("validity: exp and nbf are enforced with the skew", arguments: [
        (Int64(1_700_000_000), "valid"), (1_700_000_060, "valid"), (1_700_000_061, "expired"),
        (1_699_998_940, "valid"), (1_699_998_939, "notYetValid"),
    ])
    func validity(now: Int64, expect: String) throws {
        let claims = try Self.claims(nbf: 1_699_999_000)
        do {
            try claims.checkValidity(now: now, skew: 60)
            #expect(expect == "valid")
        } catch {
            #expect(error.code.description == expect)
        }
    }

    @Test("a signer refuses a non-https x5u")
    func signerX5U() {
        #expect(throws: AuthorityTokenError(code: .invalidHeaderParameter, reason: "")) {
            try AuthorityTokenSigner(privateKey: Self.authorityKey, x5u: "http://sti-pa.example/cert.pem")
        }
    }
}
