extension CRLTime {
    /// Seconds since 1970 of a `Time` given as its identifier octet and contents octets, when it has exactly the
    /// form RFC 5280 §4.1.2.5 requires of CRLs: UTCTime `YYMMDDHHMMSSZ` (§4.1.2.5.1) or GeneralizedTime
    /// `YYYYMMDDHHMMSSZ` (§4.1.2.5.2), with a valid calendar date, hours below 24 and minutes and seconds
    /// below 60.
    ///
    /// Returns `nil` for anything else; the caller then decodes the value with swift-asn1, which either reports the
    /// precise error or accepts the rarer forms it allows (leap seconds). Every value accepted here is accepted
    /// by swift-asn1 with the same meaning.
    static func plainSecondsSince1970(tag: UInt8, contents: UnsafeBufferPointer<UInt8>) -> Int64? {
        let year: Int
        let rest: Int
        switch (tag, contents.count) {
        case (0x17, 13):
            guard let yy = twoDigits(contents, 0) else { return nil }
            year = yy < 50 ? 2000 + yy : 1900 + yy
            rest = 2
        case (0x18, 15):
            guard let century = twoDigits(contents, 0), let yy = twoDigits(contents, 2) else { return nil }
            year = century * 100 + yy
            rest = 4
        default:
            return nil
        }
        guard let month = twoDigits(contents, rest),
            let day = twoDigits(contents, rest + 2),
            let hours = twoDigits(contents, rest + 4),
            let minutes = twoDigits(contents, rest + 6),
            let seconds = twoDigits(contents, rest + 8),
            contents[rest + 10] == UInt8(ascii: "Z"),
            (1...12).contains(month),
            day >= 1, day <= daysIn(month: month, year: year),
            hours < 24, minutes < 60, seconds < 60
        else {
            return nil
        }
        return Self.seconds(year, month, day, hours, minutes, seconds)
    }

    private static func twoDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int? {
        let tens = bytes[offset] &- UInt8(ascii: "0")
        let units = bytes[offset + 1] &- UInt8(ascii: "0")
        guard tens < 10, units < 10 else {
            return nil
        }
        return Int(tens) * 10 + Int(units)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }
}
