import Foundation
import SwiftASN1
import Testing
@testable import TNAuthList

@Suite("TNAuthorizationList DER (RFC 8226 §9)")
struct TNAuthorizationListDERTests {
    @Test("The vector file is loaded with all its vectors")
    func vectorsLoaded() {
        #expect(DERVectors.shared.valid.count == 13)
        #expect(DERVectors.shared.invalid.count == 46)
    }

    @Test("Valid vectors decode to the expected entries and re-encode byte for byte", arguments: DERVectors.shared.valid)
    func validVector(vector: DERVectors.Valid) throws {
        let der = bytes(hex: vector.hex)
        let list = try TNAuthorizationList(derEncoded: der)
        #expect(list.entries.map(\.description) == vector.entries)
        #expect(try list.derEncoded() == der)
        if let counts = vector.extensionElementCounts {
            let actual = list.entries.map { entry -> Int in
                if case .range(let range) = entry { return range.extensionElements.count }
                return 0
            }
            #expect(actual == counts)
        }
    }

    @Test("Invalid vectors are rejected with the expected error code", arguments: DERVectors.shared.invalid)
    func invalidVector(vector: DERVectors.Invalid) {
        let der = bytes(hex: vector.hex)
        let code = tnAuthListErrorCode { _ = try TNAuthorizationList(derEncoded: der) }
        #expect(code.map { "\($0)" } == vector.code)
    }

    @Test("Encoding an SPC list gives the explicit-tag bytes of the RFC 9118 example")
    func encodeSPC() throws {
        let list = try TNAuthorizationList([.spc(spc("1234"))])
        #expect(hex(try list.derEncoded()) == "3008A006160431323334")
    }

    @Test("Encoding the Botan parent CA list reproduces its bytes")
    func encodeRanges() throws {
        let list = try TNAuthorizationList([
            .range(range("12025550100", 10)),
            .range(range("5550100", 10)),
            .tn(tn("12025559999")),
            .tn(tn("*67#")),
        ])
        #expect(
            hex(try list.derEncoded())
                == "303BA1123010160B313230323535353031303002010AA10E300C16073535353031303002010AA20D160B3132303235353539393939A20616042A363723"
        )
    }

    @Test("The odd Botan list keeps its second start/count pair as opaque extension elements, not as a range")
    func botanOddList() throws {
        let der = bytes(hex: "3025A006160431303031A1143012160331313102020080160332323202020100A2051603333333")
        let list = try TNAuthorizationList(derEncoded: der)
        let ranges = list.ranges
        #expect(ranges.count == 1)
        #expect(ranges.first?.start.digits == "111")
        #expect(ranges.first?.count == 128)
        #expect(ranges.first?.extensionElements.map { hex($0) } == ["1603323232", "02020100"])
        let scope = TNScope(list)
        #expect(try scope.contains(tn("238")))
        #expect(try !scope.contains(tn("239")))
        #expect(try !scope.contains(tn("300")))
        #expect(try !scope.contains(tn("477")))
        #expect(try list.derEncoded() == der)
    }

    @Test("A decoded range with an extension differs from the same range built in code")
    func extensionEquality() throws {
        let decoded = try TNAuthorizationList(derEncoded: bytes(hex: "300EA10C300A1603313030020105" + "0500"))
        let built = try TNAuthorizationList([.range(range("100", 5))])
        #expect(decoded != built)
        #expect(TNScope(decoded) == TNScope(built))
        #expect(hex(try built.derEncoded()) == "300CA10A30081603313030020105")
    }

    @Test("An empty entry list is rejected by the initializer")
    func emptyList() {
        #expect(tnAuthListErrorCode { _ = try TNAuthorizationList([]) } == .emptyList)
        #expect(throws: TNAuthListError(.emptyList, "")) { try TNAuthorizationList([]) }
    }

    @Test("Convenience accessors split the entries by kind, in order")
    func accessors() throws {
        let list = try TNAuthorizationList([
            .tn(tn("2")), .spc(spc("B")), .range(range("10", 5)), .spc(spc("A")), .tn(tn("1")),
        ])
        #expect(list.serviceProviderCodes.map(\.value) == ["B", "A"])
        #expect(list.telephoneNumbers.map(\.digits) == ["2", "1"])
        #expect(list.ranges.map(\.start.digits) == ["10"])
    }

    @Test("setEntries replaces the entries and refuses an empty list")
    func setEntries() throws {
        var list = try TNAuthorizationList([.spc(spc("A"))])
        try list.setEntries([.tn(tn("1"))])
        #expect(list.entries == [.tn(try tn("1"))])
        #expect(tnAuthListErrorCode { try list.setEntries([]) } == .emptyList)
        #expect(list.entries == [.tn(try tn("1"))])
    }

    @Test("The DER decoder works through the DERImplicitlyTaggable node initializer too")
    func nodeInitializer() throws {
        let node = try DER.parse(bytes(hex: "3008A006160431323334"))
        let list = try TNAuthorizationList(derEncoded: node)
        #expect(list.serviceProviderCodes.map(\.value) == ["1234"])
    }

    @Test("The OIDs are id-pe-TNAuthList and id-ad-stirTNList")
    func oids() {
        #expect(TNAuthorizationList.oid.description == "1.3.6.1.5.5.7.1.26")
        #expect(TNAuthorizationList.stirTNListAccessMethod.description == "1.3.6.1.5.5.7.48.14")
    }
}

@Suite("TNAuthorizationList base64 (SPC token tkvalue)")
struct TNAuthorizationListBase64Tests {
    @Test(
        "Standard padded base64 and unpadded base64url both decode",
        arguments: ["MAigBhYEMTIzNA==", "MAigBhYEMTIzNA"]
    )
    func decodesSPC1234(text: String) throws {
        let list = try TNAuthorizationList(base64Encoded: text)
        #expect(list.serviceProviderCodes.map(\.value) == ["1234"])
    }

    @Test("Encoding emits standard padded base64")
    func encodes() throws {
        #expect(try TNAuthorizationList([.spc(spc("1234"))]).base64EncodedString() == "MAigBhYEMTIzNA==")
        #expect(try TNAuthorizationList([.spc(spc("709J"))]).base64EncodedString() == "MAigBhYENzA5Sg==")
    }

    @Test("The URL alphabet decodes the same bytes as the standard alphabet")
    func urlAlphabet() throws {
        let list = try TNAuthorizationList([.spc(spc("~~~>"))])
        let standard = try list.base64EncodedString()
        #expect(standard.contains("+") || standard.contains("/"))
        let url = standard.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        #expect(try TNAuthorizationList(base64Encoded: url) == list)
    }

    @Test(
        "Malformed base64 is rejected",
        arguments: ["", "MAigBhYEMTIzNA=", "MAig BhYEMTIzNA==", "MAig-hYEMTIz+A==", "MAigBhYEMTIzNA===", "M", "MAigBhYEMTIzNA==MA", "MAigBhYEMTIzNA\n", "MAigBhYEMTIzN*=="]
    )
    func rejects(text: String) {
        #expect(tnAuthListErrorCode { _ = try TNAuthorizationList(base64Encoded: text) } == .invalidBase64)
    }

    @Test("Valid base64 of invalid DER reports the DER problem")
    func badDER() {
        // "MAA=" is 30 00, an empty list.
        #expect(tnAuthListErrorCode { _ = try TNAuthorizationList(base64Encoded: "MAA=") } == .emptyList)
    }
}
