import Foundation
import SQLKit

/// Typed column reads that report a row that does not decode as ``StorageSQLError/Code/corruptRecord``.
extension SQLRow {
    func string(_ column: String) throws -> String {
        try value(column, String.self)
    }

    func optionalString(_ column: String) throws -> String? {
        try isNull(column) ? nil : string(column)
    }

    func int64(_ column: String) throws -> Int64 {
        try value(column, Int64.self)
    }

    func optionalInt64(_ column: String) throws -> Int64? {
        try isNull(column) ? nil : int64(column)
    }

    /// A 0/1 integer column as a Bool.
    func flag(_ column: String) throws -> Bool {
        switch try int64(column) {
        case 0: return false
        case 1: return true
        case let other: throw StorageSQLError(.corruptRecord, "column \(column) holds \(other), not 0 or 1")
        }
    }

    func optionalFlag(_ column: String) throws -> Bool? {
        try isNull(column) ? nil : flag(column)
    }

    func bytes(_ column: String) throws -> [UInt8] {
        [UInt8](try value(column, Data.self))
    }

    func optionalBytes(_ column: String) throws -> [UInt8]? {
        try isNull(column) ? nil : bytes(column)
    }

    /// A timestamp column (seconds since the reference date, see ``SQLDialectProfile/timestamp``).
    func date(_ column: String) throws -> Date {
        Date(timeIntervalSinceReferenceDate: try value(column, Double.self))
    }

    func optionalDate(_ column: String) throws -> Date? {
        try isNull(column) ? nil : date(column)
    }

    private func isNull(_ column: String) throws -> Bool {
        do {
            return try decodeNil(column: column)
        } catch {
            throw StorageSQLError(.corruptRecord, "column \(column) is missing: \(error)")
        }
    }

    private func value<T: Decodable>(_ column: String, _ type: T.Type) throws -> T {
        do {
            return try decode(column: column, as: T.self)
        } catch {
            throw StorageSQLError(.corruptRecord, "column \(column) does not decode as \(T.self): \(error)")
        }
    }
}

extension Date {
    /// The stored form of a timestamp (see ``SQLDialectProfile/timestamp``).
    var storedValue: Double { timeIntervalSinceReferenceDate }
}

extension Array where Element == UInt8 {
    /// The stored form of a byte string.
    var storedValue: Data { Data(self) }
}

extension Bool {
    /// The stored form of a flag: 0 or 1.
    var storedValue: Int64 { self ? 1 : 0 }
}
