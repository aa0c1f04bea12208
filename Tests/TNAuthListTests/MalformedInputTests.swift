import PropertyBased
import Testing
@testable import TNAuthList

@Suite("Malformed input never traps")
struct MalformedInputTests {
    static let seedVectors: [[UInt8]] = DERVectors.shared.valid.map { bytes(hex: $0.hex) }

    @Test("Mutated valid vectors either decode and re-encode to the same bytes or throw TNAuthListError")
    func mutations() async {
        await propertyCheck(
            count: 500,
            input: Gen.int(in: 0...1_000),
            Gen.int(in: 0...1_000),
            Gen.uint8(in: 0...255),
            Gen.int(in: 0...2)
        ) { vectorIndex, position, byte, operation in
            guard !Self.seedVectors.isEmpty else {
                Issue.record("no vectors loaded")
                return
            }
            var input = Self.seedVectors[vectorIndex % Self.seedVectors.count]
            let index = position % input.count
            switch operation {
            case 0: input[index] = byte
            case 1: input.removeSubrange(index...)
            default: input.insert(byte, at: index)
            }
            do {
                let list = try TNAuthorizationList(derEncoded: input)
                #expect(try list.derEncoded() == input)
            } catch is TNAuthListError {
                // Expected for most mutations.
            } catch {
                Issue.record("unexpected error type \(type(of: error)): \(error)")
            }
        }
    }

    @Test("Deeply nested extension elements inside a range are rejected as malformed DER")
    func deepNesting() {
        // 100 nested SEQUENCEs, beyond swift-asn1's depth limit, placed after count.
        var deep: [UInt8] = [0x05, 0x00]
        for _ in 0..<100 {
            deep = Self.tlv(0x30, deep)
        }
        let rangeBody = Self.tlv(0x30, [0x16, 0x03, 0x31, 0x30, 0x30, 0x02, 0x01, 0x05] + deep)
        let der = Self.tlv(0x30, Self.tlv(0xA1, rangeBody))
        #expect(tnAuthListErrorCode { _ = try TNAuthorizationList(derEncoded: der) } == .malformedDER)
    }

    /// Builds a TLV with a definite DER length (short or long form).
    static func tlv(_ tag: UInt8, _ body: [UInt8]) -> [UInt8] {
        if body.count < 0x80 {
            return [tag, UInt8(body.count)] + body
        }
        if body.count < 0x100 {
            return [tag, 0x81, UInt8(body.count)] + body
        }
        return [tag, 0x82, UInt8(body.count >> 8), UInt8(body.count & 0xFF)] + body
    }
}
