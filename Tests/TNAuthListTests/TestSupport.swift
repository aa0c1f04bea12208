import Foundation
import Testing
@testable import TNAuthList

/// Hex text (upper or lower case, no separators) to bytes; traps on bad fixtures, which are static.
func bytes(hex: String) -> [UInt8] {
    var result: [UInt8] = []
    var iterator = hex.utf8.makeIterator()
    while let high = iterator.next() {
        guard let low = iterator.next(), let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
        else {
            Issue.record("bad hex fixture \(hex)")
            return []
        }
        result.append(value)
    }
    return result
}

/// Bytes to upper-case hex.
func hex(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { byte in
        let text = String(byte, radix: 16, uppercase: true)
        return byte < 16 ? "0" + text : text
    }.joined()
}

/// Runs `body` and returns the TNAuthListError code it throws, or nil if it throws nothing or
/// something else.
func tnAuthListErrorCode(_ body: () throws -> Void) -> TNAuthListError.Code? {
    do {
        try body()
        return nil
    } catch let error as TNAuthListError {
        return error.code
    } catch {
        return nil
    }
}

/// Shorthands for building fixtures.
func tn(_ digits: String) throws -> TelephoneNumber {
    try TelephoneNumber(digits)
}

func spc(_ code: String) throws -> ServiceProviderCode {
    try ServiceProviderCode(code)
}

func range(_ start: String, _ count: Int) throws -> TelephoneNumberRange {
    try TelephoneNumberRange(start: TelephoneNumber(start), count: count)
}

func scope(_ entries: TNEntry...) -> TNScope {
    TNScope(entries: entries)
}

/// The vectors in Vectors/tnauthlist-der.json.
struct DERVectors: Decodable {
    struct Valid: Decodable, CustomTestStringConvertible, Sendable {
        var name: String
        var source: String
        var hex: String
        var entries: [String]
        var extensionElementCounts: [Int]?
        var testDescription: String { name }
    }

    struct Invalid: Decodable, CustomTestStringConvertible, Sendable {
        var name: String
        var source: String
        var hex: String
        var code: String
        var testDescription: String { name }
    }

    var valid: [Valid]
    var invalid: [Invalid]

    static let shared: DERVectors = {
        guard let url = Bundle.module.url(forResource: "tnauthlist-der", withExtension: "json", subdirectory: "Vectors"),
            let data = try? Data(contentsOf: url),
            let vectors = try? JSONDecoder().decode(DERVectors.self, from: data)
        else {
            return DERVectors(valid: [], invalid: [])
        }
        return vectors
    }()
}
