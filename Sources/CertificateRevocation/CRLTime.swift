import SwiftASN1

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Conversion between `Date` and the X.509 `Time` CHOICE (RFC 5280 §4.1.2.5, used by §5.1.2.4–§5.1.2.6).
///
/// ```asn1
/// Time ::= CHOICE {
///      utcTime        UTCTime,
///      generalTime    GeneralizedTime }
/// ```
///
/// Dates from 1950 through 2049 are encoded as UTCTime and all others as GeneralizedTime, without fractional
/// seconds (RFC 5280 §5.1.2.4). The calendar arithmetic is done here on integers so that decoding a million
/// revocation dates costs no allocation.
enum CRLTime {
    /// Decodes a `Time` node into seconds since 1970-01-01T00:00:00Z.
    static func secondsSince1970(_ node: ASN1Node) throws -> Int64 {
        do {
            switch node.identifier {
            case UTCTime.defaultIdentifier:
                let time = try UTCTime(derEncoded: node)
                return seconds(time.year, time.month, time.day, time.hours, time.minutes, time.seconds)
            case GeneralizedTime.defaultIdentifier:
                let time = try GeneralizedTime(derEncoded: node)
                guard time.rawFractionalSeconds.isEmpty else {
                    throw CertificateRevocationError(
                        .invalidTime,
                        "GeneralizedTime with fractional seconds is not allowed (RFC 5280 §4.1.2.5.2)"
                    )
                }
                return seconds(time.year, time.month, time.day, time.hours, time.minutes, time.seconds)
            default:
                throw CertificateRevocationError(.invalidTime, "expected UTCTime or GeneralizedTime, got \(node.identifier)")
            }
        } catch let error as CertificateRevocationError {
            throw error
        } catch {
            throw CertificateRevocationError(.invalidTime, "malformed time: \(error)")
        }
    }

    /// Decodes a `Time` node into a `Date`.
    static func date(_ node: ASN1Node) throws -> Date {
        Date(timeIntervalSince1970: TimeInterval(try secondsSince1970(node)))
    }

    /// The UTC calendar fields of `date`, truncated to whole seconds.
    private static func fields(
        of date: Date
    ) throws -> (year: Int, month: Int, day: Int, hours: Int, minutes: Int, seconds: Int) {
        let interval = date.timeIntervalSince1970.rounded(.down)
        // Years 0...9999 are representable; this bounds check also keeps the Int64 conversion safe.
        guard interval.isFinite, interval >= -62_167_219_200, interval < 253_402_300_800 else {
            throw CertificateRevocationError(.invalidTime, "\(date) cannot be encoded as an X.509 Time")
        }
        let total = Int64(interval)
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondsOfDay = Int(total - days * 86_400)
        let (year, month, day) = civil(fromDays: days)
        return (year, month, day, secondsOfDay / 3600, (secondsOfDay % 3600) / 60, secondsOfDay % 60)
    }

    /// `date` as a GeneralizedTime without fractional seconds (RFC 5280 §4.1.2.5.2).
    static func generalizedTime(_ date: Date) throws -> GeneralizedTime {
        let f = try fields(of: date)
        do {
            return try GeneralizedTime(
                year: f.year, month: f.month, day: f.day, hours: f.hours, minutes: f.minutes, seconds: f.seconds,
                fractionalSeconds: 0
            )
        } catch {
            throw CertificateRevocationError(.invalidTime, "\(date) cannot be encoded as a GeneralizedTime: \(error)")
        }
    }

    /// Serializes `date` (truncated to whole seconds) as a `Time`: UTCTime for 1950–2049, else GeneralizedTime.
    static func serialize(_ date: Date, into coder: inout DER.Serializer) throws {
        let f = try fields(of: date)
        guard (1950..<2050).contains(f.year) else {
            try coder.serialize(generalizedTime(date))
            return
        }
        do {
            try coder.serialize(
                UTCTime(year: f.year, month: f.month, day: f.day, hours: f.hours, minutes: f.minutes, seconds: f.seconds)
            )
        } catch {
            throw CertificateRevocationError(.invalidTime, "\(date) cannot be encoded as a UTCTime: \(error)")
        }
    }

    /// Seconds since the epoch of a proleptic Gregorian UTC date.
    static func seconds(_ year: Int, _ month: Int, _ day: Int, _ hours: Int, _ minutes: Int, _ seconds: Int) -> Int64 {
        let days = Self.days(fromCivilYear: Int64(year), month: Int64(month), day: Int64(day))
        return days * 86_400 + Int64(hours * 3600 + minutes * 60 + seconds)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date, counting years from March so that
    /// the leap day falls at the end of the counting year.
    static func days(fromCivilYear year: Int64, month: Int64, day: Int64) -> Int64 {
        let marchYear = month <= 2 ? year - 1 : year
        let cycle = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfCycle = marchYear - cycle * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfCycle = yearOfCycle * 365 + yearOfCycle / 4 - yearOfCycle / 100 + dayOfYear
        return cycle * 146_097 + dayOfCycle - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (inverse of ``days(fromCivilYear:month:day:)``).
    static func civil(fromDays dayCount: Int64) -> (year: Int, month: Int, day: Int) {
        let shifted = dayCount + 719_468
        let cycle = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfCycle = shifted - cycle * 146_097
        let yearOfCycle = (dayOfCycle - dayOfCycle / 1460 + dayOfCycle / 36_524 - dayOfCycle / 146_096) / 365
        let dayOfYear = dayOfCycle - (365 * yearOfCycle + yearOfCycle / 4 - yearOfCycle / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfCycle + cycle * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
