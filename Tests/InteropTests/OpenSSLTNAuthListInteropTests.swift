import STIRTesting
import Foundation
import TNAuthList
import Testing
import X509

/// Certificates made by `openssl req -x509` with a hand-written TNAuthList extension decode with our
/// TNAuthList decoder (RFC 8226 §9). The single-SPC case is covered in STIRCertificatesTests; these
/// lists mix all three TNEntry choices and multi-byte lengths.
@Suite("OpenSSL-made TNAuthList certificates", .enabled(if: ExternalTool.openssl.isAvailableOrRequired))
struct OpenSSLTNAuthListInteropTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        /// The extension value, DER written by hand from the RFC 8226 ASN.1 module (EXPLICIT TAGS).
        let derHex: String
        let expected: [TNEntry]

        var testDescription: String { label }
    }

    static func entries() throws -> [Case] {
        let ones = (0..<12).map { "12025550\(300 + $0)" }
        // [2] one: A2 0D 16 0B <11 digits>; 12 of them is 180 bytes of content: long-form length 81 B4.
        let onesHex = ones.map { "A20D160B" + hex($0) }.joined()
        return [
            Case(
                label: "SPC, range and one number",
                // SEQUENCE { [0] IA5String "1234", [1] SEQUENCE { IA5String "12025550100", INTEGER 100 }, [2] IA5String "12025550199" }
                derHex: "302B" + "A006160431323334" + "A1123010160B" + hex("12025550100") + "020164" + "A20D160B" + hex("12025550199"),
                expected: [
                    .spc(try ServiceProviderCode("1234")),
                    .range(try TelephoneNumberRange(start: TelephoneNumber("12025550100"), count: 100)),
                    .tn(try TelephoneNumber("12025550199")),
                ]
            ),
            Case(
                label: "a range with a two-byte count",
                // count 1000 = INTEGER 02 02 03 E8
                derHex: "3015" + "A1133011160B" + hex("12025560000") + "020203E8",
                expected: [.range(try TelephoneNumberRange(start: TelephoneNumber("12025560000"), count: 1_000))]
            ),
            Case(
                label: "twelve numbers, long-form SEQUENCE length",
                derHex: "3081B4" + onesHex,
                expected: try ones.map { .tn(try TelephoneNumber($0)) }
            ),
        ]
    }

    static func hex(_ ascii: String) -> String {
        ascii.utf8.map { String(format: "%02X", $0) }.joined()
    }

    @Test("openssl req -x509 -addext TNAuthList certificates decode to the expected entries", arguments: try entries())
    func decodes(_ testCase: Case) throws {
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try ExternalTool.openssl.run(
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
                "-days", "30", "-sha256", "-subj", "/C=US/O=Example SP/CN=SHAKEN Interop",
                "-addext", "1.3.6.1.5.5.7.1.26=DER:\(testCase.derHex)",
            ],
            in: directory
        )
        try #require(output.status == 0, "\(output.combined)")
        let certificate = try Certificate(pemEncoded: String(contentsOf: directory.appendingPathComponent("cert.pem"), encoding: .utf8))
        let list = try #require(try certificate.extensions.tnAuthList)
        #expect(list.entries == testCase.expected)
        // Our encoder produces the same DER that openssl embedded.
        #expect(try list.derEncoded().map { String(format: "%02X", $0) }.joined() == testCase.derHex)
    }
}
