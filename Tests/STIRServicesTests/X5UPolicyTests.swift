import STIRServices
import Testing

@Suite("x5u URL policy (ATIS-1000080, ATIS-1000074)")
struct X5UPolicyTests {
    @Test(
        "accepted URLs",
        arguments: [
            ("https://cert.example.org/passport.pem", "cert.example.org", 443, "/passport.pem"),
            ("HTTPS://Cert.Example.org:8443/a/b%20c.pem", "cert.example.org", 8443, "/a/b%20c.pem"),
            ("https://cert.example.org:443", "cert.example.org", 443, "/"),
        ]
    )
    func accepted(url: String, host: String, port: Int, path: String) throws {
        let parts = try X5UPolicy().validate(url)
        #expect(parts.host == host)
        #expect(parts.port == port)
        #expect(parts.path == path)
    }

    @Test(
        "refused URLs",
        arguments: [
            "http://cert.example.org/a.pem", "ftp://cert.example.org/a.pem", "https://cert.example.org:80/a.pem",
            "https://cert.example.org:9443/a.pem", "https://user@cert.example.org/a.pem", "https://u:p@cert.example.org/a.pem",
            "https://cert.example.org/a.pem?x=1", "https://cert.example.org/a.pem#frag", "https://127.0.0.1/a.pem",
            "https://[::1]/a.pem", "https:///a.pem", "https://cert..example.org/a.pem", "https://-bad.example.org/a.pem",
            "https://cert.example.org:/a.pem", "https://cert.example.org:99999/a.pem", "https://cert.example.org/a b.pem",
            "https://cert.example.org\\@evil.example/a.pem", "https://cert.example.org/%zz", "https://cert.example.org/é.pem",
            "", "https://", "https://cert.example.org/<x>",
        ]
    )
    func refused(url: String) {
        #expect(throws: STIRServicesError(.x5uNotAllowed, "")) { try X5UPolicy().validate(url) }
    }

    @Test("an overlong URL is refused")
    func overlong() {
        let url = "https://cert.example.org/" + String(repeating: "a", count: 2_100)
        #expect(throws: STIRServicesError(.x5uNotAllowed, "")) { try X5UPolicy().validate(url) }
    }

    @Test("loopback tests can allow IP literals and another port")
    func loopbackConfiguration() throws {
        let policy = X5UPolicy(allowedPorts: [18443], allowsIPLiterals: true)
        #expect(try policy.validate("https://127.0.0.1:18443/chain.pem").port == 18443)
        #expect(try policy.validate("https://[::1]:18443/chain.pem").host == "::1")
        #expect(throws: STIRServicesError(.x5uNotAllowed, "")) { try policy.validate("https://127.0.0.1/chain.pem") }
    }
}
