extension JSONScanner {
    /// Parses a number per the RFC 8259 §6 grammar:
    /// `[ "-" ] ( "0" / digit1-9 *DIGIT ) [ "." 1*DIGIT ] [ ("e"/"E") [ "+"/"-" ] 1*DIGIT ]`.
    mutating func parseNumber() throws(JOSEError) -> JSONValue {
        let start = index
        let negative = input[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < input.count, isDigit(input[index]) else { throw failure("expected a digit") }
        var magnitude: UInt64 = 0
        var overflow = false
        if input[index] == UInt8(ascii: "0") {
            index += 1
            if index < input.count, isDigit(input[index]) { throw failure("leading zero in number") }
        } else {
            while index < input.count, isDigit(input[index]) {
                let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(input[index] - UInt8(ascii: "0")))
                overflow = overflow || o1 || o2
                magnitude = sum
                index += 1
            }
        }
        var isInteger = true
        if index < input.count, input[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            try skipDigits(what: "fraction")
        }
        if index < input.count, input[index] == UInt8(ascii: "e") || input[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < input.count, input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-") { index += 1 }
            try skipDigits(what: "exponent")
        }
        if isInteger, !overflow {
            if negative, magnitude <= UInt64(Int64.max) + 1 {
                return .integer(magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude))
            }
            if !negative, magnitude <= UInt64(Int64.max) { return .integer(Int64(magnitude)) }
        }
        return .decimal(String(decoding: UnsafeBufferPointer(rebasing: input[start..<index]), as: UTF8.self))
    }

    private mutating func skipDigits(what: String) throws(JOSEError) {
        guard index < input.count, isDigit(input[index]) else { throw failure("expected a digit in the \(what)") }
        while index < input.count, isDigit(input[index]) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
