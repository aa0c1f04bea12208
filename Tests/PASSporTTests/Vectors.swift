import Crypto
import Foundation

/// Loads files from this target's `Vectors/` resource folder.
enum Vectors {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "missing test vector \(name)" }
    }

    static func decode<T: Decodable>(_ type: T.Type, from name: String) throws -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Vectors") else {
            throw Missing(name: name)
        }
        return try JSONDecoder().decode(type, from: Data(contentsOf: url))
    }

    struct Token: Decodable {
        let token: String
        let header: String
        let payload: String
    }

    struct Spec: Decodable {
        let privateKeyPEM: String
        let publicKeySPKIBase64: String
        let draft08: Token
        let rfc8225: Token
        let shaken: Token

        func privateKey() throws -> P256.Signing.PrivateKey {
            try P256.Signing.PrivateKey(pemRepresentation: privateKeyPEM)
        }

        func publicKey() throws -> P256.Signing.PublicKey {
            try P256.Signing.PublicKey(derRepresentation: Data(base64Encoded: publicKeySPKIBase64) ?? Data())
        }
    }

    static func spec() throws -> Spec {
        try decode(Spec.self, from: "spec-vectors.json")
    }
}
