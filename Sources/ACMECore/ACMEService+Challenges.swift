import AuthorityToken
import Foundation
import JOSE

extension ACMEService {
    /// A challenge URL request (RFC 8555 §7.5.1, RFC 9447 §5, RFC 9448 §6): POST-as-GET returns the
    /// challenge; a response `{"atc": token}` or `{"tkauth": token}` is validated at once, the
    /// authorization and the order follow, and the updated challenge is returned (with `error` set
    /// when validation failed).
    ///
    /// - Throws: ``ACMEError``: not found (404), `unauthorized` (another account), `malformed`
    ///   (response shape, expired authorization).
    public func respondToChallenge(_ id: ACMEChallenge.ID, request: AuthenticatedRequest) async throws(ACMEError) -> ACMEChallenge {
        guard let challenge = try await storage("order store", { try await orders.challenge(id) }) else {
            throw .notFound("challenge \(id)")
        }
        let authorization = try await ownedAuthorization(challenge.authorizationID, account: request.account.id)
        guard let payload = request.payload else { return challenge }
        let token = try Self.challengeToken(payload)
        guard challenge.status == .pending, authorization.status == .pending else { return challenge }
        let now = environment.now()
        guard authorization.effectiveStatus(at: now) == .pending else {
            throw ACMEError(.malformed, "the authorization has expired")
        }
        guard try await storage("order store", { try await orders.markChallengeProcessing(id) }) else {
            return try await current(id, fallback: challenge)
        }
        let outcome: AuthorizationOutcome
        do {
            let verified = try await validator.validate(
                token: token, identifier: authorization.identifier, accountKey: request.account.key, now: now
            )
            outcome = .valid(at: now, grantsCA: verified.claims.atc.isCA)
        } catch {
            outcome = .invalid(error)
        }
        _ = try await storage("order store") {
            try await orders.finalizeAuthorization(authorization.id, challenge: id, outcome: outcome)
        }
        switch outcome {
        case .valid:
            _ = try await storage("order store") { try await orders.markOrderReady(authorization.orderID) }
        case .invalid(let error):
            _ = try await storage("order store") { try await orders.failOrder(authorization.orderID, error: error) }
        }
        return try await current(id, fallback: challenge)
    }

    private func current(_ id: ACMEChallenge.ID, fallback: ACMEChallenge) async throws(ACMEError) -> ACMEChallenge {
        try await storage("order store") { try await orders.challenge(id) } ?? fallback
    }

    /// The SPC token of a `tkauth-01` response: `atc` (ATIS-1000080) or `tkauth` (RFC 9447 examples);
    /// both may appear only with the same value.
    static func challengeToken(_ payload: JSONValue) throws(ACMEError) -> String {
        guard let object = payload.objectValue else {
            throw ACMEError(.malformed, "challenge response is a JSON \(payload.typeName), not an object")
        }
        let atc = object["atc"]
        let tkauth = object["tkauth"]
        for value in [atc, tkauth].compactMap({ $0 }) where value.stringValue == nil {
            throw ACMEError(.malformed, "the SPC token in a tkauth-01 response must be a string")
        }
        switch (atc?.stringValue, tkauth?.stringValue) {
        case (.some(let first), .some(let second)):
            guard first == second else {
                throw ACMEError(.malformed, "atc and tkauth carry different tokens")
            }
            return first
        case (.some(let token), .none), (.none, .some(let token)):
            return token
        case (.none, .none):
            throw ACMEError(.malformed, "a tkauth-01 response carries the SPC token as {\"atc\": token} (RFC 9448 §6)")
        }
    }
}
