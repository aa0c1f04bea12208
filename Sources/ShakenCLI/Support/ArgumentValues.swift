import ArgumentParser
import CertificateRevocation
import Foundation
import STIRCertificates
import TNAuthList
import SwiftASN1
import X509

/// The certificate profiles as spelled on the command line (ATIS-1000080 v005 §6.4.1, ATIS-1000092, RFC 9060 §4).
enum ProfileArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case root, intermediate, sp, sca, delegate
    case delegateCA = "delegate-ca"
    /// The STI-PA CRL signer (no STI profile; see ``STICertificateBuilder/issueCRLSigner(subject:privateKey:notValidBefore:notValidAfter:using:)``).
    case crlSigner = "crl-signer"

    /// The library profile; `nil` for the CRL signer.
    var profile: STICertificateProfile? {
        switch self {
        case .crlSigner: nil
        case .root: .root
        case .intermediate: .intermediate
        case .sp: .endEntity
        case .sca: .subordinateCA
        case .delegate: .delegateEndEntity
        case .delegateCA: .delegateCA
        }
    }

    /// The command-line name of a library profile.
    static func name(of profile: STICertificateProfile) -> String {
        allCases.first { $0.profile == profile }?.rawValue ?? profile.rawValue
    }
}

/// The attestation levels as spelled on the command line (RFC 8588 §4).
enum AttestationArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case A, B, C
}

/// The PASSporT types `passport sign` can produce (RFC 8588, RFC 8946, RFC 9795).
enum PPTArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case shaken, div, rcd
}

/// The SHAKEN certificate policy versions (ATIS-1000080 v005 §6.4.1).
enum PolicyArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case v1_1 = "1.1"
    case v1_3 = "1.3"
    case v1_4 = "1.4"

    /// The policy OID.
    var oid: ASN1ObjectIdentifier {
        switch self {
        case .v1_1: SHAKENPolicy.v1_1
        case .v1_3: SHAKENPolicy.v1_3
        case .v1_4: SHAKENPolicy.v1_4
        }
    }
}

/// Parsing of the values commands take.
enum ArgumentValues {
    /// A telephone number, canonicalized per RFC 8224 §8.3 (`+1-215-555-1212` → `12155551212`).
    static func telephoneNumber(_ text: String, option: String) throws(ShakenCLIError) -> TelephoneNumber {
        do {
            return try TelephoneNumber.canonicalizing(text)
        } catch {
            throw ShakenCLIError(.invalidArgument, "\(option) '\(text)' is not a telephone number: \(error.reason)")
        }
    }

    /// A range written `START:COUNT` (RFC 8226 §9 TelephoneNumberRange).
    static func range(_ text: String, option: String = "--range") throws(ShakenCLIError) -> TelephoneNumberRange {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Int(parts[1]) else {
            throw ShakenCLIError(.invalidArgument, "\(option) '\(text)' is not START:COUNT")
        }
        let start = try telephoneNumber(String(parts[0]), option: option)
        do {
            return try TelephoneNumberRange(start: start, count: count)
        } catch {
            throw ShakenCLIError(.invalidArgument, "\(option) '\(text)': \(error.reason)")
        }
    }

    /// A service provider code (RFC 8226 §9).
    static func serviceProviderCode(_ text: String) throws(ShakenCLIError) -> ServiceProviderCode {
        do {
            return try ServiceProviderCode(text)
        } catch {
            throw ShakenCLIError(.invalidArgument, "--spc '\(text)' is not a service provider code: \(error.reason)")
        }
    }

    /// The TNAuthList entries given by `--spc`, `--tn` and `--range`, in that order; `nil` when none is given.
    static func tnAuthList(spc: [String], tn: [String], range: [String]) throws(ShakenCLIError) -> TNAuthorizationList? {
        var entries: [TNEntry] = []
        for code in spc { entries.append(.spc(try serviceProviderCode(code))) }
        for number in tn { entries.append(.tn(try telephoneNumber(number, option: "--tn"))) }
        for text in range { entries.append(.range(try Self.range(text))) }
        guard !entries.isEmpty else { return nil }
        do {
            return try TNAuthorizationList(entries)
        } catch {
            throw ShakenCLIError(.invalidArgument, "TNAuthList: \(error.reason)")
        }
    }

    /// A certificate serial number in hexadecimal (RFC 5280 §4.1.2.2), optional `0x` and `:` separators.
    static func serialNumber(_ text: String) throws(ShakenCLIError) -> Certificate.SerialNumber {
        var hex = text.lowercased().replacingOccurrences(of: ":", with: "")
        if hex.hasPrefix("0x") { hex.removeFirst(2) }
        guard !hex.isEmpty, hex.count <= 40, let bytes = Hex.decode(hex.count % 2 == 0 ? hex : "0" + hex) else {
            throw ShakenCLIError(.invalidArgument, "serial '\(text)' is not hexadecimal (at most 20 octets)")
        }
        var minimal = Array(bytes.drop { $0 == 0 })
        if minimal.isEmpty || (minimal[0] & 0x80) != 0 { minimal.insert(0, at: 0) }
        return Certificate.SerialNumber(bytes: minimal)
    }

    /// A revocation reason by name (`keyCompromise`) or number (RFC 5280 §5.3.1).
    static func revocationReason(_ text: String) throws(ShakenCLIError) -> RevocationReason {
        if let number = Int(text), let reason = RevocationReason(rawValue: number) { return reason }
        if let reason = RevocationReason.allCases.first(where: { "\($0)".lowercased() == text.lowercased() }) {
            return reason
        }
        let names = RevocationReason.allCases.map { "\($0)" }.joined(separator: ", ")
        throw ShakenCLIError(.invalidArgument, "revocation reason '\(text)' is not one of \(names)")
    }

    /// A PEM-free DN given as CN, O and C (ATIS-1000080 v005 §6.4.1 name attributes).
    static func distinguishedName(cn: String, org: String, country: String) throws(ShakenCLIError) -> DistinguishedName {
        do {
            return try DistinguishedName.shaken(commonName: cn, organization: org, country: country)
        } catch {
            throw ShakenCLIError(.invalidArgument, "name CN=\(cn), O=\(org), C=\(country): \(error)")
        }
    }

    /// Seconds since the epoch as a date.
    static func date(seconds: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}

/// Lowercase hexadecimal text.
enum Hex {
    /// Encodes bytes.
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes an even-length hexadecimal string; `nil` for anything else.
    static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// The `--json` flag every command takes.
struct JSONFlag: ParsableArguments {
    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false
}
