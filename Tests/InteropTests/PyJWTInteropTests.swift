import STIRTesting
import Crypto
import Foundation
import PASSporT
import STIRServices
import Testing

/// PyJWT (python3 `jwt` with `cryptography`) and our PASSporT code verify each other's ES256
/// tokens (RFC 7515, RFC 8225, RFC 8588).
@Suite("PyJWT interoperability", .enabled(if: ExternalTool.pyJWTAvailableOrRequired))
struct PyJWTInteropTests {
    /// Reads `{"token", "key"}` from stdin, verifies the token with PyJWT and prints its header and claims.
    static let verifyScript = """
        import json, sys, jwt
        request = json.load(sys.stdin)
        header = jwt.get_unverified_header(request["token"])
        claims = jwt.decode(request["token"], request["key"], algorithms=["ES256"], options={"verify_aud": False})
        print(json.dumps({"header": header, "claims": claims}))
        """

    /// Reads `{"key", "header", "claims"}` from stdin, `claims` being JSON text, and prints a
    /// PyJWT-signed token. PyJWT keeps the claims in the order given, so the payload JSON is
    /// deliberately not canonical.
    static let signScript = """
        import json, sys, jwt
        request = json.load(sys.stdin)
        claims = json.loads(request["claims"])
        print(jwt.encode(claims, request["key"], algorithm="ES256", headers=request["header"]))
        """

    static func json(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test("PyJWT verifies our signed SHAKEN PASSporT with the certificate's public key and reads the same claims")
    func pyJWTVerifiesOurs() throws {
        let fixture = try #require(InteropFixture.shared)
        let identity = try fixture.ourIdentityHeader()
        let token = String(identity.prefix { $0 != ";" })
        let input = try Self.json(["token": token, "key": fixture.spKey.publicKey.pemRepresentation])
        let output = try ExternalTool.python.run(["-c", Self.verifyScript], input: input)
        try #require(output.status == 0, "\(output.combined)")

        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let header = try #require(decoded["header"] as? [String: Any])
        let claims = try #require(decoded["claims"] as? [String: Any])
        #expect(header["alg"] as? String == "ES256")
        #expect(header["typ"] as? String == "passport")
        #expect(header["ppt"] as? String == "shaken")
        #expect(header["x5u"] as? String == InteropFixture.x5u)
        #expect(claims["attest"] as? String == "A")
        #expect((claims["orig"] as? [String: Any])?["tn"] as? String == InteropFixture.orig)
        #expect((claims["dest"] as? [String: Any])?["tn"] as? [String] == [InteropFixture.dest])
        #expect(claims["origid"] as? String == InteropFixture.origid)
        #expect((claims["iat"] as? NSNumber)?.int64Value == fixture.iat)
    }

    @Test("PyJWT rejects our PASSporT once one payload character is changed")
    func pyJWTRejectsTampered() throws {
        let fixture = try #require(InteropFixture.shared)
        let token = String(try fixture.ourIdentityHeader().prefix { $0 != ";" })
        var parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        // Flip the payload's last character between two base64url letters, keeping it decodable.
        let last = parts[1].removeLast()
        parts[1].append(last == "A" ? "Q" : "A")
        let input = try Self.json(["token": parts.joined(separator: "."), "key": fixture.spKey.publicKey.pemRepresentation])
        let output = try ExternalTool.python.run(["-c", Self.verifyScript], input: input)
        #expect(output.status != 0)
        #expect(output.stderr.contains("InvalidSignatureError") || output.stderr.contains("DecodeError"), "\(output.stderr)")
    }

    @Test("A PASSporT signed by PyJWT with non-canonical payload JSON passes our full STI-VS")
    func weVerifyPyJWTs() async throws {
        let fixture = try #require(InteropFixture.shared)
        let input = try Self.json([
            "key": fixture.spKey.pemRepresentation,
            "header": ["alg": "ES256", "typ": "passport", "ppt": "shaken", "x5u": InteropFixture.x5u],
            // Not lexicographic order; PyJWT serialises it as given.
            "claims": """
                {"origid":"\(InteropFixture.origid)","orig":{"tn":"\(InteropFixture.orig)"},"iat":\(fixture.iat),\
                "dest":{"tn":["\(InteropFixture.dest)"]},"attest":"B"}
                """,
        ])
        let output = try ExternalTool.python.run(["-c", Self.signScript], input: input)
        try #require(output.status == 0, "\(output.combined)")
        let token = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let payload = try #require(token.split(separator: ".").dropFirst().first)
        let payloadJSON = try #require(Data(base64Encoded: Self.padded(payload)))
        #expect(String(decoding: payloadJSON, as: UTF8.self).hasPrefix("{\"origid\""), "PyJWT's payload is expected in insertion order")

        let identity = "\(token);info=<\(InteropFixture.x5u)>;alg=ES256;ppt=shaken"
        let outcome = try await fixture.verify(identity, at: fixture.now)
        #expect(outcome.failure == nil, "\(outcome.failureReason ?? "")")
        #expect(outcome.verstat == .passed)
        #expect(outcome.attestation == .partial)
        #expect(outcome.passport?.compact == token, "the verifier must keep the received bytes")
    }

    @Test("A PyJWT token signed with another key fails our signature check")
    func weRejectForeignKey() async throws {
        let fixture = try #require(InteropFixture.shared)
        let input = try Self.json([
            "key": P256.Signing.PrivateKey().pemRepresentation,
            "header": ["alg": "ES256", "typ": "passport", "ppt": "shaken", "x5u": InteropFixture.x5u],
            "claims": """
                {"attest":"A","dest":{"tn":["\(InteropFixture.dest)"]},"iat":\(fixture.iat),\
                "orig":{"tn":"\(InteropFixture.orig)"},"origid":"\(InteropFixture.origid)"}
                """,
        ])
        let output = try ExternalTool.python.run(["-c", Self.signScript], input: input)
        try #require(output.status == 0, "\(output.combined)")
        let token = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let outcome = try await fixture.verify("\(token);info=<\(InteropFixture.x5u)>;alg=ES256;ppt=shaken", at: fixture.now)
        #expect(outcome.failure == .signatureInvalid, "\(outcome.failure?.description ?? "none")")
        #expect(outcome.verstat == .failed)
    }

    static func padded(_ segment: Substring) -> String {
        var text = segment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        return text
    }
}
