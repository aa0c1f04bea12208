import Testing
@testable import TNAuthList

@Suite("ServiceProviderCode")
struct ServiceProviderCodeTests {
    @Test(
        "Any non-empty printable ASCII code is accepted; SHAKEN format is uppercase letters and digits",
        arguments: [
            ("709J", true), ("1234", true), ("ABCD", true),
            ("709j", false), ("OCN-1", false), ("A B", false), ("~", false),
        ]
    )
    func accepts(code: String, isSHAKEN: Bool) throws {
        let parsed = try ServiceProviderCode(code)
        #expect(parsed.value == code)
        #expect(parsed.isSHAKENFormat == isSHAKEN)
    }

    @Test("Empty, control and non-ASCII codes are rejected", arguments: ["", "12\u{1}", "\u{7F}", "12é", "١٢"])
    func rejects(code: String) {
        #expect(tnAuthListErrorCode { _ = try ServiceProviderCode(code) } == .invalidServiceProviderCode)
    }
}
