import Crypto
import Foundation
import JOSE
import PASSporT
import STIRServices
import TNAuthList

/// N distinct SHAKEN calls (different orig, dest, iat and origid) and the STI-AS that signs them.
struct SigningWorkload: Sendable {
    /// One call to sign.
    struct Call: Sendable {
        let orig: TelephoneNumber
        let dest: [TelephoneNumber]
        let origid: String
        let iat: Date
    }

    let service: AuthenticationService
    let key: P256.Signing.PrivateKey
    let calls: [Call]
    /// The JWS signing input (`header.payload`) of each call, as our signer produces it.
    let signingInputs: [[UInt8]]

    /// Prepares `count` calls signed with `pki`'s end-entity key at its reference time.
    init(pki: BenchmarkPKI, count: Int) throws {
        let now = pki.referenceTime
        key = pki.leafKey
        let service = try AuthenticationService(privateKey: pki.leafKey, x5u: BenchmarkPKI.x5u, clock: { now })
        self.service = service
        let calls = try (0..<count).map { index in
            Call(
                orig: try TelephoneNumber("1215\(Self.digits(index, 7))"),
                dest: [try TelephoneNumber("1212\(Self.digits(index &* 7_919 &+ 13, 7))")],
                origid: Self.origid(index),
                iat: now - TimeInterval(index % 30)
            )
        }
        self.calls = calls
        // The baseline signs exactly the bytes our signer signs: take them from a reference run.
        signingInputs = try calls.map { call in
            let header = try service.sign(orig: call.orig, dest: call.dest, attest: .full, origid: call.origid, iat: call.iat)
            return try Self.parts(of: header).signingInput
        }
    }

    /// Signs call `index` through the whole STI-AS: claims, canonical JSON, base64url, ES256,
    /// compact JWS, Identity header string.
    func signIdentity(_ index: Int) throws -> String {
        let call = calls[index]
        return try service.sign(orig: call.orig, dest: call.dest, attest: .full, origid: call.origid, iat: call.iat)
    }

    /// Signs the signing input of call `index` with swift-crypto alone.
    func signRaw(_ index: Int) throws -> P256.Signing.ECDSASignature {
        try key.signature(for: signingInputs[index])
    }

    /// The signing input and R||S signature of an Identity header's compact JWS.
    static func parts(of identityHeader: String) throws -> (signingInput: [UInt8], signature: P256.Signing.ECDSASignature) {
        let token = identityHeader.prefix { $0 != ";" }
        let jws = try CompactJWS(token)
        return (Array(jws.signingInput), try P256.Signing.ECDSASignature(rawRepresentation: jws.signature))
    }

    private static func digits(_ value: Int, _ width: Int) -> String {
        var modulus = 1
        for _ in 0..<width { modulus *= 10 }
        let text = String(value % modulus)
        return String(repeating: "0", count: width - text.count) + text
    }

    /// A UUID-shaped origid unique to `index`.
    private static func origid(_ index: Int) -> String {
        let hex = String(UInt64(index) &* 0x9E37_79B9_7F4A_7C15, radix: 16)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        let characters = Array(padded)
        return "\(String(characters[0..<8]))-\(String(characters[8..<12]))-4\(String(characters[12..<15]))-8000-\(padded.suffix(12))"
    }
}
