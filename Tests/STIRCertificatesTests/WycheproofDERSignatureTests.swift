import Crypto
import Foundation
import Testing
import X509

/// Runs Project Wycheproof's ECDSA P-256/SHA-256 vectors with DER-encoded signatures through the
/// signature check that certificate and CRL verification use
/// (`Certificate.PublicKey.isValidSignature(_:for:signatureAlgorithm:)` with ecdsa-with-SHA256).
///
/// Every "valid" vector must verify and every "invalid" one must fail: BER-encoded signatures,
/// r or s out of range, modified signatures, wrong hashes and the psychic-signature case
/// (CVE-2022-21449) are all in the invalid set.
@Suite("Wycheproof ECDSA P-256 DER signatures")
struct WycheproofDERSignatureTests {
    struct Vector: Decodable, Sendable, CustomTestStringConvertible {
        let tcId: Int
        let comment: String
        let msg: String
        let sig: String
        let result: String
        var keyDer: String = ""
        var testDescription: String { "tcId \(tcId) \(comment) (\(result))" }

        enum CodingKeys: String, CodingKey { case tcId, comment, msg, sig, result }
    }

    struct Group: Decodable {
        let publicKeyDer: String
        let sha: String
        let tests: [Vector]
    }

    struct File: Decodable {
        let numberOfTests: Int
        let testGroups: [Group]
    }

    static let file: File? = {
        guard
            let url = Bundle.module.url(
                forResource: "ecdsa_secp256r1_sha256_test", withExtension: "json", subdirectory: "Vectors"
            ),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? JSONDecoder().decode(File.self, from: data)
    }()

    static let vectors: [Vector] = (file?.testGroups ?? []).flatMap { group in
        group.tests.map { vector in
            var copy = vector
            copy.keyDer = group.publicKeyDer
            return copy
        }
    }

    @Test("The vector file loads with every test")
    func fileLoads() throws {
        let file = try #require(Self.file)
        #expect(Self.vectors.count == file.numberOfTests)
        #expect(file.testGroups.allSatisfy { $0.sha == "SHA-256" })
    }

    @Test("Each vector gives its expected result", arguments: vectors)
    func vector(_ vector: Vector) throws {
        let key = try P256.Signing.PublicKey(derRepresentation: Self.bytes(hex: vector.keyDer))
        let publicKey = Certificate.PublicKey(key)
        let valid = publicKey.isValidSignature(
            Self.bytes(hex: vector.sig),
            for: Self.bytes(hex: vector.msg),
            signatureAlgorithm: .ecdsaWithSHA256
        )
        switch vector.result {
        case "valid": #expect(valid, "a valid signature was rejected")
        case "invalid": #expect(!valid, "an invalid signature was accepted")
        default: Issue.record("result \(vector.result) needs a decision recorded in Vectors/README.md")
        }
    }

    static func bytes(hex: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(hex.utf8.count / 2)
        var high: UInt8?
        for byte in hex.utf8 {
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = byte - UInt8(ascii: "A") + 10
            default: continue
            }
            if let h = high {
                result.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return result
    }
}
