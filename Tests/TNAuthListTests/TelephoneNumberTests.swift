import Testing
@testable import TNAuthList

@Suite("TelephoneNumber canonicalization and validation")
struct TelephoneNumberTests {
    @Test(
        "Canonicalizing removes separators and one leading plus",
        arguments: [
            ("+1-(215)-555-1212", "12155551212"),
            ("12155551212", "12155551212"),
            ("+1 215 555 1212", "12155551212"),
            ("1.215.555.1212", "12155551212"),
            ("(215) 555-1212", "2155551212"),
            ("+44 20 7946 0018", "442079460018"),
            ("*67", "*67"),
            ("#31#", "#31#"),
            ("+123456789012345", "123456789012345"),
            ("0", "0"),
            ("--1--", "1"),
        ]
    )
    func canonicalizes(input: String, expected: String) throws {
        #expect(try TelephoneNumber.canonicalizing(input).digits == expected)
    }

    @Test(
        "Canonicalizing rejects letters, non-ASCII digits and misplaced plus signs",
        arguments: [
            ("1-800-FLOWERS", TNAuthListError.Code.invalidCharacter),
            ("١٢٣٤", .invalidCharacter),  // Arabic-Indic digits
            ("１２３４", .invalidCharacter),  // fullwidth digits
            ("۱۲۳", .invalidCharacter),  // extended Arabic-Indic digits
            ("12+34", .invalidCharacter),
            ("++1215", .invalidCharacter),
            (" +1215", .invalidCharacter),
            ("1215\t555", .invalidCharacter),
            ("1215/555", .invalidCharacter),
            ("tel:+1215", .invalidCharacter),
            ("1²3", .invalidCharacter),
            ("", .emptyNumber),
            ("+", .emptyNumber),
            ("(-.)", .emptyNumber),
            ("+1234567890123456", .numberTooLong),
        ]
    )
    func rejects(input: String, code: TNAuthListError.Code) {
        #expect(tnAuthListErrorCode { _ = try TelephoneNumber.canonicalizing(input) } == code)
    }

    @Test(
        "The canonical initializer accepts only 1 to 15 characters of 0-9 * #",
        arguments: [
            ("1", nil), ("123456789012345", nil), ("*#", nil),
            ("", TNAuthListError.Code.emptyNumber),
            ("1234567890123456", .numberTooLong),
            ("+1215", .invalidCharacter),
            ("12-15", .invalidCharacter),
            ("١", .invalidCharacter),
        ] as [(String, TNAuthListError.Code?)]
    )
    func canonicalInitializer(input: String, code: TNAuthListError.Code?) {
        #expect(tnAuthListErrorCode { _ = try TelephoneNumber(input) } == code)
    }

    @Test(
        "Canonicalizing a tel or SIP user=phone URI takes its number",
        arguments: [
            ("tel:+1-215-555-1212", "12155551212"),
            ("TEL:+12155551212;phone-context=example.com", "12155551212"),
            ("<tel:+12155551212>", "12155551212"),
            ("sip:+12155551212@example.com;user=phone", "12155551212"),
            ("sips:+1-215-555-1212@example.com;transport=tls;user=phone", "12155551212"),
            ("sip:+12155551212;npdi@example.com;user=phone", "12155551212"),
        ]
    )
    func canonicalizesURI(uri: String, expected: String) throws {
        #expect(try TelephoneNumber.canonicalizing(uri: uri).digits == expected)
    }

    @Test(
        "Canonicalizing a URI rejects other schemes and SIP URIs without user=phone",
        arguments: [
            ("sip:alice@example.com", TNAuthListError.Code.invalidURI),
            ("sip:+12155551212@example.com", .invalidURI),
            ("mailto:12155551212@example.com", .invalidURI),
            ("12155551212", .invalidURI),
            ("sip:+12155551212", .invalidURI),
            ("sip:alice@example.com;user=phone", .invalidCharacter),
            ("tel:", .emptyNumber),
        ]
    )
    func rejectsURI(uri: String, code: TNAuthListError.Code) {
        #expect(tnAuthListErrorCode { _ = try TelephoneNumber.canonicalizing(uri: uri) } == code)
    }

    @Test("Numeric value, length and isAllDigits follow the characters")
    func properties() throws {
        let number = try tn("0012")
        #expect(number.numericValue == 12)
        #expect(number.length == 4)
        #expect(number.isAllDigits)
        let star = try tn("*67")
        #expect(star.numericValue == nil)
        #expect(!star.isAllDigits)
    }

    @Test("Creating a number from a value zero-pads it to its length")
    func fromValue() throws {
        #expect(try TelephoneNumber(value: 12, length: 4).digits == "0012")
        #expect(try TelephoneNumber(value: 999_999_999_999_999, length: 15).digits == "999999999999999")
        #expect(tnAuthListErrorCode { _ = try TelephoneNumber(value: 100, length: 2) } == .numberTooLong)
        #expect(tnAuthListErrorCode { _ = try TelephoneNumber(value: 1, length: 16) } == .numberTooLong)
        #expect(tnAuthListErrorCode { _ = try TelephoneNumber(value: 0, length: 0) } == .numberTooLong)
    }

    @Test("Numbers order by length first, then numerically")
    func ordering() throws {
        #expect(try tn("99") < tn("100"))
        #expect(try tn("100") < tn("101"))
        #expect(try tn("#") < tn("0"))
        #expect(try !(tn("5") < tn("5")))
    }
}
