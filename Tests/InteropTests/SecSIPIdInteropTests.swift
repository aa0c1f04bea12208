import STIRTesting
import Foundation
import PASSporT
import STIRServices
import Testing

/// secsipidx (the SecSIPIdX tool of the Kamailio secsipid module) and our STI-AS/STI-VS check each
/// other's Identity headers (RFC 8224 §4.1, RFC 8588).
@Suite("secsipidx interoperability", .enabled(if: ExternalTool.secsipidx.isAvailableOrRequired))
struct SecSIPIdInteropTests {
    /// secsipidx checks `iat` against its wall clock; this window reaches back past the fixture's
    /// 2025-01-01 reference time.
    static let expireSeconds = "2000000000"

    @Test("secsipidx -c accepts our Identity header with the signer's public key")
    func secsipidxChecksOurs() throws {
        let fixture = try #require(InteropFixture.shared)
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let identity = try fixture.ourIdentityHeader()
        #expect(identity.hasSuffix(";info=<\(InteropFixture.x5u)>;alg=ES256;ppt=shaken"))
        let identityFile = try InteropFixture.write(identity, to: "identity.txt", in: directory)
        let keyFile = try InteropFixture.write(fixture.spKey.publicKey.pemRepresentation, to: "public.pem", in: directory)
        let output = try ExternalTool.secsipidx.run(["-c", "-fidentity", identityFile, "-fpubkey", keyFile, "-expire", Self.expireSeconds])
        #expect(output.status == 0, "\(output.combined)")
        #expect(output.stdout.contains("ok"), "\(output.combined)")
    }

    @Test("secsipidx -c rejects our Identity header when its signature is altered")
    func secsipidxRejectsAltered() throws {
        let fixture = try #require(InteropFixture.shared)
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let identity = try fixture.ourIdentityHeader()
        let tokenEnd = try #require(identity.firstIndex(of: ";"))
        var token = String(identity[..<tokenEnd])
        // Change the first signature character; the signature stays 64 bytes of base64url.
        let signatureStart = try #require(token.lastIndex(of: ".")).utf16Offset(in: token) + 1
        var characters = Array(token)
        characters[signatureStart] = characters[signatureStart] == "A" ? "B" : "A"
        token = String(characters)
        let identityFile = try InteropFixture.write(token + identity[tokenEnd...], to: "identity.txt", in: directory)
        let keyFile = try InteropFixture.write(fixture.spKey.publicKey.pemRepresentation, to: "public.pem", in: directory)
        let output = try ExternalTool.secsipidx.run(["-c", "-fidentity", identityFile, "-fpubkey", keyFile, "-expire", Self.expireSeconds])
        #expect(output.status != 0, "\(output.combined)")
        #expect(output.stdout.contains("not-ok"), "\(output.combined)")
    }

    @Test("An Identity header made by secsipidx -S passes our full STI-VS with the matching certificate chain")
    func weVerifySecsipidxs() async throws {
        let signingKey = try #require(InteropFixture.shared).spKey
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keyFile = try InteropFixture.write(signingKey.pemRepresentation, to: "private.pem", in: directory)
        let output = try ExternalTool.secsipidx.run([
            "-S", "-fprvkey", keyFile, "-o", InteropFixture.orig, "-d", InteropFixture.dest, "-a", "A",
            "-x5u", InteropFixture.x5u, "-orig-id", InteropFixture.origid,
        ])
        try #require(output.status == 0, "\(output.combined)")
        let identity = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        // What secsipidx emits: parameters info (in angle brackets), alg, ppt; header members sorted.
        let header = try IdentityHeader(parsing: identity)
        #expect(identity.hasSuffix(";info=<\(InteropFixture.x5u)>;alg=ES256;ppt=shaken"), "\(identity)")
        #expect(header.info == InteropFixture.x5u)
        let segments = header.token.split(separator: ".")
        try #require(segments.count == 3)
        let headerJSON = try InteropFixture.jsonObject(segment: segments[0])
        #expect(Set(headerJSON.keys) == ["alg", "ppt", "typ", "x5u"])
        let claims = try InteropFixture.jsonObject(segment: segments[1])
        let iat = try #require((claims["iat"] as? NSNumber)?.int64Value)

        // secsipidx signs at its wall-clock time, so verify against a TestPKI (same keys) valid then.
        let fixture = try InteropFixture(referenceTime: Date(timeIntervalSince1970: TimeInterval(iat)))
        let outcome = try await fixture.verify(identity, at: fixture.now)
        #expect(outcome.failure == nil, "\(outcome.failure?.description ?? ""): \(outcome.failureReason ?? "")")
        #expect(outcome.verstat == .passed)
        #expect(outcome.attestation == .full)
        #expect(outcome.passport?.claims.origid == InteropFixture.origid)
        #expect(outcome.passport?.compact == header.token)

        // The same header two minutes later is stale for our STI-VS (RFC 8224 §4.1, 60 s window).
        let late = try await fixture.verify(identity, at: fixture.now + 120)
        #expect(late.failure == .iatTooOld)
    }
}
