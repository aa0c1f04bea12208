import Testing
@testable import TNAuthList

@Suite("TelephoneNumberRange rules (RFC 8226 §9)")
struct TelephoneNumberRangeTests {
    @Test(
        "Valid ranges stay within their digit length",
        arguments: [("10", 90, "99"), ("0", 10, "9"), ("12025550100", 10, "12025550109"), ("999999999999998", 2, "999999999999999"), ("00", 2, "01")]
    )
    func valid(start: String, count: Int, last: String) throws {
        let built = try range(start, count)
        #expect(built.last.digits == last)
        #expect(built.extensionElements.isEmpty)
    }

    @Test(
        "Invalid ranges are rejected with the matching code",
        arguments: [
            ("10", 91, TNAuthListError.Code.rangeSpillsDigitLength),
            ("9", 2, .rangeSpillsDigitLength),
            ("999999999999999", 2, .rangeSpillsDigitLength),
            ("1", Int.max, .rangeSpillsDigitLength),
            ("12345", 1, .invalidRange),
            ("12345", 0, .invalidRange),
            ("12345", -5, .invalidRange),
            ("12345", Int.min, .invalidRange),
            ("1*5", 2, .invalidRange),
            ("#", 2, .invalidRange),
        ]
    )
    func invalid(start: String, count: Int, code: TNAuthListError.Code) throws {
        let number = try tn(start)
        #expect(tnAuthListErrorCode { _ = try TelephoneNumberRange(start: number, count: count) } == code)
    }

    @Test("contains matches only numbers of the same length inside the bounds")
    func contains() throws {
        let block = try range("2125551000", 1000)
        #expect(try block.contains(tn("2125551000")))
        #expect(try block.contains(tn("2125551999")))
        #expect(try block.contains(tn("2125551500")))
        #expect(try !block.contains(tn("2125550999")))
        #expect(try !block.contains(tn("2125552000")))
        #expect(try !block.contains(tn("02125551500")))
        #expect(try !block.contains(tn("212555150")))
        #expect(try !block.contains(tn("212555150*")))
    }
}
