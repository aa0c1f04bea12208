import ACMECore
import Foundation
import SQLKit

/// ACMECore's ``OrderStore`` on SQL (RFC 8555 §7.1.3–§7.1.6): tables `acme_orders`,
/// `acme_order_authorizations`, `acme_authorizations` and `acme_challenges`. Every lifecycle step is
/// one conditional `UPDATE … WHERE id = ? AND status = ? RETURNING`, so of two concurrent callers
/// exactly one sees `true`.
public struct SQLOrderStore: OrderStore {
    let engine: SQLEngine

    /// See ``OrderStore/createOrder(_:authorizations:)``.
    public func createOrder(_ order: ACMEOrder, authorizations: [ACMEAuthorization]) async throws {
        let error = try order.error.map(StoredProblem.encode)
        try await engine.transaction { session in
            try await session.run("""
                INSERT INTO acme_orders (id, account_id, identifier, status, expires, not_before, not_after,
                    certificate_serial, error, processing_started_at)
                VALUES (\(bind: order.id.rawValue), \(bind: order.accountID.rawValue), \(bind: order.identifier.der.storedValue),
                    \(bind: order.status.rawValue), \(bind: order.expires.storedValue), \(bind: order.notBefore?.storedValue),
                    \(bind: order.notAfter?.storedValue), \(bind: order.certificateSerial?.hex), \(bind: error),
                    \(bind: order.processingStartedAt?.storedValue))
                """)
            for (position, authorizationID) in order.authorizationIDs.enumerated() {
                try await session.run("""
                    INSERT INTO acme_order_authorizations (order_id, position, authorization_id)
                    VALUES (\(bind: order.id.rawValue), \(bind: Int64(position)), \(bind: authorizationID.rawValue))
                    """)
            }
            for authorization in authorizations {
                try await insert(authorization, session)
            }
        }
    }

    private func insert(_ authorization: ACMEAuthorization, _ session: SQLSession) async throws {
        try await session.run("""
            INSERT INTO acme_authorizations (id, account_id, order_id, identifier, status, expires, grants_ca)
            VALUES (\(bind: authorization.id.rawValue), \(bind: authorization.accountID.rawValue), \(bind: authorization.orderID.rawValue),
                \(bind: authorization.identifier.der.storedValue), \(bind: authorization.status.rawValue),
                \(bind: authorization.expires.storedValue), \(bind: authorization.grantsCA?.storedValue))
            """)
        for (position, challenge) in authorization.challenges.enumerated() {
            try await session.run("""
                INSERT INTO acme_challenges (id, authorization_id, position, token, token_authority, status, validated, error)
                VALUES (\(bind: challenge.id.rawValue), \(bind: authorization.id.rawValue), \(bind: Int64(position)),
                    \(bind: challenge.token), \(bind: challenge.tokenAuthority), \(bind: challenge.status.rawValue),
                    \(bind: challenge.validated?.storedValue), \(bind: try challenge.error.map(StoredProblem.encode)))
                """)
        }
    }

    /// See ``OrderStore/markChallengeProcessing(_:)``.
    public func markChallengeProcessing(_ id: ACMEChallenge.ID) async throws -> Bool {
        try await engine.rows("""
            UPDATE acme_challenges SET status = \(bind: ACMEChallenge.Status.processing.rawValue)
            WHERE id = \(bind: id.rawValue) AND status = \(bind: ACMEChallenge.Status.pending.rawValue)
            AND EXISTS (
                SELECT 1 FROM acme_authorizations a
                WHERE a.id = acme_challenges.authorization_id AND a.status = \(bind: ACMEAuthorization.Status.pending.rawValue)
            )
            RETURNING id
            """).count == 1
    }

    /// See ``OrderStore/finalizeAuthorization(_:challenge:outcome:)``.
    public func finalizeAuthorization(_ id: ACMEAuthorization.ID, challenge: ACMEChallenge.ID, outcome: AuthorizationOutcome) async throws -> Bool {
        let authorizationStatus: ACMEAuthorization.Status
        let challengeStatus: ACMEChallenge.Status
        var validated: Double?
        var grantsCA: Int64?
        var error: String?
        switch outcome {
        case .valid(let date, let ca):
            (authorizationStatus, challengeStatus, validated, grantsCA) = (.valid, .valid, date.storedValue, ca.storedValue)
        case .invalid(let problem):
            (authorizationStatus, challengeStatus, error) = (.invalid, .invalid, try StoredProblem.encode(problem))
        }
        return try await engine.transaction { session in
            let claimed = try await session.rows("""
                UPDATE acme_challenges SET status = \(bind: challengeStatus.rawValue),
                    validated = COALESCE(\(bind: validated), validated), error = COALESCE(\(bind: error), error)
                WHERE id = \(bind: challenge.rawValue) AND authorization_id = \(bind: id.rawValue)
                AND status = \(bind: ACMEChallenge.Status.processing.rawValue)
                AND EXISTS (
                    SELECT 1 FROM acme_authorizations a
                    WHERE a.id = acme_challenges.authorization_id AND a.status = \(bind: ACMEAuthorization.Status.pending.rawValue)
                )
                RETURNING id
                """)
            guard claimed.count == 1 else { return false }
            try await session.run("""
                UPDATE acme_authorizations SET status = \(bind: authorizationStatus.rawValue), grants_ca = COALESCE(\(bind: grantsCA), grants_ca)
                WHERE id = \(bind: id.rawValue)
                """)
            return true
        }
    }

    /// See ``OrderStore/deactivateAuthorization(_:)``.
    public func deactivateAuthorization(_ id: ACMEAuthorization.ID) async throws -> Bool {
        try await engine.rows("""
            UPDATE acme_authorizations SET status = \(bind: ACMEAuthorization.Status.deactivated.rawValue)
            WHERE id = \(bind: id.rawValue)
            AND status IN (\(bind: ACMEAuthorization.Status.pending.rawValue), \(bind: ACMEAuthorization.Status.valid.rawValue))
            RETURNING id
            """).count == 1
    }

    /// See ``OrderStore/markOrderReady(_:)``.
    public func markOrderReady(_ id: ACMEOrder.ID) async throws -> Bool {
        try await transition(id, from: [.pending], set: "status = \(bind: ACMEOrder.Status.ready.rawValue)")
    }

    /// See ``OrderStore/markOrderProcessing(_:at:)``.
    public func markOrderProcessing(_ id: ACMEOrder.ID, at date: Date) async throws -> Bool {
        try await transition(
            id, from: [.ready],
            set: "status = \(bind: ACMEOrder.Status.processing.rawValue), processing_started_at = \(bind: date.storedValue)"
        )
    }

    /// See ``OrderStore/completeOrder(_:certificate:)``.
    public func completeOrder(_ id: ACMEOrder.ID, certificate serial: CertificateSerial) async throws -> Bool {
        try await transition(
            id, from: [.processing],
            set: "status = \(bind: ACMEOrder.Status.valid.rawValue), certificate_serial = \(bind: serial.hex)"
        )
    }

    /// See ``OrderStore/failOrder(_:error:)``.
    public func failOrder(_ id: ACMEOrder.ID, error: ACMEError) async throws -> Bool {
        try await transition(
            id, from: [.pending, .ready, .processing],
            set: "status = \(bind: ACMEOrder.Status.invalid.rawValue), error = \(bind: try StoredProblem.encode(error))"
        )
    }

    /// One `UPDATE acme_orders SET … WHERE id = ? AND status IN (…)`; whether it applied.
    private func transition(_ id: ACMEOrder.ID, from: [ACMEOrder.Status], set assignments: SQLQueryString) async throws -> Bool {
        let statuses = from.map { $0.rawValue as any Encodable & Sendable }
        return try await engine.rows("""
            UPDATE acme_orders SET \(assignments) WHERE id = \(bind: id.rawValue) AND status IN (\(binds: statuses)) RETURNING id
            """).count == 1
    }
}
