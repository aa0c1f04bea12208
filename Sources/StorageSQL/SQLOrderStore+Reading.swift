import ACMECore
import Foundation
import SQLKit
import TNAuthList

extension SQLOrderStore {
    static let orderColumns = """
        o.id, o.account_id, o.identifier, o.status, o.expires, o.not_before, o.not_after, o.certificate_serial,
        o.error, o.processing_started_at
        """

    /// See ``OrderReader/order(_:)``.
    public func order(_ id: ACMEOrder.ID) async throws -> ACMEOrder? {
        try await orders(where: "o.id = \(bind: id.rawValue)").first
    }

    /// See ``OrderReader/orders(of:)``.
    public func orders(of account: ACMEAccount.ID) async throws -> [ACMEOrder] {
        try await orders(where: "o.account_id = \(bind: account.rawValue)")
    }

    /// See ``OrderReader/ordersProcessing(startedBefore:)``.
    public func ordersProcessing(startedBefore date: Date) async throws -> [ACMEOrder] {
        try await orders(where: """
            o.status = \(bind: ACMEOrder.Status.processing.rawValue) AND o.processing_started_at < \(bind: date.storedValue)
            """)
    }

    /// See ``OrderReader/authorization(_:)``.
    public func authorization(_ id: ACMEAuthorization.ID) async throws -> ACMEAuthorization? {
        let rows = try await engine.readRows("""
            SELECT a.id, a.account_id, a.order_id, a.identifier, a.status, a.expires, a.grants_ca,
                c.id AS challenge_id, c.token, c.token_authority, c.status AS challenge_status, c.validated, c.error
            FROM acme_authorizations a LEFT JOIN acme_challenges c ON c.authorization_id = a.id
            WHERE a.id = \(bind: id.rawValue) ORDER BY c.position
            """)
        guard let first = rows.first else { return nil }
        var authorization = ACMEAuthorization(
            id: .init(try first.string("id")), accountID: .init(try first.string("account_id")),
            orderID: .init(try first.string("order_id")), identifier: try Self.identifier(try first.bytes("identifier")),
            expires: try first.date("expires"), challenges: []
        )
        authorization.status = try Self.status(try first.string("status"), ACMEAuthorization.Status.self)
        authorization.grantsCA = try first.optionalFlag("grants_ca")
        authorization.challenges = try rows.compactMap { row in
            guard let challengeID = try row.optionalString("challenge_id") else { return nil }
            return try Self.challenge(row, id: challengeID, authorizationID: authorization.id)
        }
        return authorization
    }

    /// See ``OrderReader/challenge(_:)``.
    public func challenge(_ id: ACMEChallenge.ID) async throws -> ACMEChallenge? {
        try await engine.readFirstRow("""
            SELECT id AS challenge_id, authorization_id, token, token_authority, status AS challenge_status, validated, error
            FROM acme_challenges WHERE id = \(bind: id.rawValue)
            """).map { row in
            try Self.challenge(row, id: try row.string("challenge_id"), authorizationID: .init(try row.string("authorization_id")))
        }
    }

    /// Orders matching a condition on `o`, in creation order, each with its authorization IDs in order.
    private func orders(where condition: SQLQueryString) async throws -> [ACMEOrder] {
        let rows = try await engine.readRows("""
            SELECT \(unsafeRaw: Self.orderColumns), oa.authorization_id
            FROM acme_orders o LEFT JOIN acme_order_authorizations oa ON oa.order_id = o.id
            WHERE \(condition) ORDER BY o.seq, oa.position
            """)
        var result: [ACMEOrder] = []
        var authorizationIDs: [ACMEAuthorization.ID] = []
        var current: (any SQLRow)?
        func flush() throws {
            if let current { result.append(try Self.order(current, authorizationIDs: authorizationIDs)) }
        }
        for row in rows {
            if let current, try current.string("id") != row.string("id") {
                try flush()
                authorizationIDs = []
            }
            current = row
            if let authorizationID = try row.optionalString("authorization_id") {
                authorizationIDs.append(.init(authorizationID))
            }
        }
        try flush()
        return result
    }

    static func order(_ row: any SQLRow, authorizationIDs: [ACMEAuthorization.ID]) throws -> ACMEOrder {
        var order = ACMEOrder(
            id: .init(try row.string("id")), accountID: .init(try row.string("account_id")),
            identifier: try identifier(try row.bytes("identifier")), expires: try row.date("expires"),
            notBefore: try row.optionalDate("not_before"), notAfter: try row.optionalDate("not_after"),
            authorizationIDs: authorizationIDs
        )
        order.status = try status(try row.string("status"), ACMEOrder.Status.self)
        if let serial = try row.optionalString("certificate_serial") {
            guard let parsed = CertificateSerial(hex: serial) else {
                throw StorageSQLError(.corruptRecord, "acme_orders.certificate_serial holds \(serial)")
            }
            order.certificateSerial = parsed
        }
        order.error = try row.optionalString("error").map(StoredProblem.decode)
        order.processingStartedAt = try row.optionalDate("processing_started_at")
        return order
    }

    static func challenge(_ row: any SQLRow, id: String, authorizationID: ACMEAuthorization.ID) throws -> ACMEChallenge {
        var challenge = ACMEChallenge(
            id: .init(id), authorizationID: authorizationID, token: try row.string("token"),
            tokenAuthority: try row.optionalString("token_authority")
        )
        challenge.status = try status(try row.string("challenge_status"), ACMEChallenge.Status.self)
        challenge.validated = try row.optionalDate("validated")
        challenge.error = try row.optionalString("error").map(StoredProblem.decode)
        return challenge
    }

    static func identifier(_ der: [UInt8]) throws -> TNAuthListIdentifier {
        do {
            return try TNAuthListIdentifier(TNAuthorizationList(derEncoded: der))
        } catch {
            throw StorageSQLError(.corruptRecord, "stored TNAuthList identifier does not decode: \(error)")
        }
    }

    static func status<S: RawRepresentable<String>>(_ text: String, _ type: S.Type) throws -> S {
        guard let status = S(rawValue: text) else {
            throw StorageSQLError(.corruptRecord, "\(S.self) has no case \(text)")
        }
        return status
    }
}
