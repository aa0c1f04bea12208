import Crypto
import X509

extension STILintRules {
    /// Version, serial number, signature algorithm, key and validity rules (ATIS-1000080 v005 §6.4.1).
    public static let basics: [any LintRule] = [
        STILintRule("e_sti_version_v3", .error, source: atis80, profiles: .all) { context in
            context.certificate.version == .v3 ? .pass : .fail("version is \(context.certificate.version), not v3")
        },
        STILintRule("e_sti_serial_positive", .error, source: "RFC 5280 §4.1.2.2", profiles: .all) { context in
            let bytes = context.certificate.serialNumber.bytes
            guard let first = bytes.first, first & 0x80 == 0, bytes.contains(where: { $0 != 0 }) else {
                return .fail("serial number \(context.certificate.serialNumber) is not a positive integer")
            }
            return .pass
        },
        STILintRule("e_sti_serial_64_bit_entropy", .error, source: atis80, profiles: .all) { context in
            let bytes = context.certificate.serialNumber.bytes
            return bytes.count >= 8
                ? .pass : .fail("serial number has \(bytes.count) octets; at least 8 are needed for 64 random bits")
        },
        STILintRule("e_sti_serial_max_20_octets", .error, source: "RFC 5280 §4.1.2.2", profiles: .all) { context in
            let count = context.certificate.serialNumber.bytes.count
            return count <= 20 ? .pass : .fail("serial number has \(count) octets; at most 20 are allowed")
        },
        STILintRule("e_sti_signature_algorithm_ecdsa", .error, source: atis80, profiles: .all) { context in
            switch context.certificate.signatureAlgorithm {
            case .ecdsaWithSHA256, .ecdsaWithSHA384: .pass
            default: .fail("signature algorithm \(context.certificate.signatureAlgorithm) is not ecdsa-with-SHA256")
            }
        },
        STILintRule("n_sti_signature_algorithm_sha384", .notice, source: "SHAKEN CP v1.4", profiles: .all) { context in
            context.certificate.signatureAlgorithm == .ecdsaWithSHA384
                ? .fail("signed with ecdsa-with-SHA384 (a P-384 CA key), allowed by CP v1.4 for CA signatures")
                : .pass
        },
        STILintRule("e_sti_spki_p256", .error, source: atis80, profiles: .all) { context in
            P256.Signing.PublicKey(context.certificate.publicKey) != nil
                ? .pass : .fail("subject public key is not an id-ecPublicKey on P-256")
        },
        STILintRule("e_sti_validity_order", .error, source: "RFC 5280 §4.1.2.5", profiles: .all) { context in
            context.certificate.notValidBefore < context.certificate.notValidAfter
                ? .pass : .fail("notBefore is not before notAfter")
        },
    ]
}
