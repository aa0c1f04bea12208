import HTTPClient
import Testing

@Suite("address and cache-directive rules")
struct AddressRulesTests {
    @Test("restricted ranges are recognised", arguments: [
        "127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
        "224.0.0.1", "255.255.255.255", "::1", "::", "fc00::1", "fd12::1", "fe80::1", "ff02::1", "::ffff:8.8.8.8", "2001:db8::1", "64:ff9b::808:808",
    ])
    func restricted(_ text: String) throws {
        #expect(try #require(IPAddress(text)).isRestricted)
    }

    @Test("public addresses pass", arguments: ["8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "[2a00:1450::1]"])
    func publicAddresses(_ text: String) throws {
        #expect(try #require(IPAddress(text)).isRestricted == false)
    }

    @Test("malformed literals are not addresses", arguments: ["256.1.1.1", "1.2.3", "1.2.3.4.5", "example.com", ":::", "1::2::3", "12345::1", ""])
    func malformed(_ text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test("Cache-Control directives", arguments: [
        (["max-age=60"], 60, false), (["public, max-age=\"120\""], 120, false), (["max-age=10, s-maxage=99"], 99, false),
        (["no-store"], nil, true), (["no-cache, max-age=5"], 5, true), (["max-age=-1"], nil, false), ([], nil, false),
    ] as [([String], Int?, Bool)])
    func directives(_ values: [String], _ maxAge: Int?, _ forbids: Bool) {
        let parsed = CacheDirectives(fieldValues: values)
        #expect(parsed.maxAge == maxAge)
        #expect(parsed.forbidsReuse == forbids)
    }
}
