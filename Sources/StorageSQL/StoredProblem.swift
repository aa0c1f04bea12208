import ACMECore
import Foundation

/// The stored form of an ``ACMEError`` (RFC 8555 §6.7 problem): JSON text with the type name, detail,
/// HTTP status, accepted algorithms and subproblems (identifiers as base64 DER, RFC 9448 §3).
struct StoredProblem: Codable {
    struct Subproblem: Codable {
        var type: String
        var detail: String
        var identifier: String?
    }

    var type: String
    var detail: String
    var status: Int
    var algorithms: [String]
    var subproblems: [Subproblem]

    /// The JSON text of an error.
    static func encode(_ error: ACMEError) throws -> String {
        let stored = StoredProblem(
            type: error.code.description, detail: error.reason, status: error.httpStatus, algorithms: error.algorithms,
            subproblems: error.subproblems.map { Subproblem(type: $0.code.description, detail: $0.detail, identifier: $0.identifier?.value) }
        )
        do {
            return String(decoding: try JSONEncoder().encode(stored), as: UTF8.self)
        } catch {
            throw StorageSQLError(.queryFailed, "problem document does not encode: \(error)")
        }
    }

    /// The error stored as `text`.
    static func decode(_ text: String) throws -> ACMEError {
        do {
            let stored = try JSONDecoder().decode(StoredProblem.self, from: Data(text.utf8))
            let subproblems = try stored.subproblems.map { sub in
                ACMESubproblem(code: try code(sub.type), detail: sub.detail, identifier: try sub.identifier.map { try TNAuthListIdentifier(value: $0) })
            }
            return ACMEError(try code(stored.type), stored.detail, httpStatus: stored.status, subproblems: subproblems, algorithms: stored.algorithms)
        } catch let error as StorageSQLError {
            throw error
        } catch {
            throw StorageSQLError(.corruptRecord, "stored problem does not decode: \(error)")
        }
    }

    private static func code(_ name: String) throws -> ACMEError.Code {
        guard let code = ACMEError.Code.table.first(where: { $0.description == name }) else {
            throw StorageSQLError(.corruptRecord, "unknown ACME problem type \(name)")
        }
        return code
    }
}
