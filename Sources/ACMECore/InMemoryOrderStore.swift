import Foundation

/// The reference ``OrderStore``: an actor holding orders, authorizations and challenges in memory.
public actor InMemoryOrderStore: OrderStore {
    private var orders: [ACMEOrder.ID: ACMEOrder] = [:]
    private var orderSequence: [ACMEOrder.ID] = []
    private var authorizations: [ACMEAuthorization.ID: ACMEAuthorization] = [:]
    private var challengeOwners: [ACMEChallenge.ID: ACMEAuthorization.ID] = [:]

    /// An empty store.
    public init() {}

    /// The reference behaviour of the protocol requirement `order`.
    public func order(_ id: ACMEOrder.ID) -> ACMEOrder? { orders[id] }

    /// The reference behaviour of the protocol requirement `authorization`.
    public func authorization(_ id: ACMEAuthorization.ID) -> ACMEAuthorization? { authorizations[id] }

    /// The reference behaviour of the protocol requirement `challenge`.
    public func challenge(_ id: ACMEChallenge.ID) -> ACMEChallenge? {
        challengeOwners[id].flatMap { authorizations[$0] }?.challenges.first { $0.id == id }
    }

    /// The reference behaviour of the protocol requirement `orders`.
    public func orders(of account: ACMEAccount.ID) -> [ACMEOrder] {
        orderSequence.compactMap { orders[$0] }.filter { $0.accountID == account }
    }

    /// The reference behaviour of the protocol requirement `ordersProcessing`.
    public func ordersProcessing(startedBefore date: Date) -> [ACMEOrder] {
        orderSequence.compactMap { orders[$0] }.filter {
            $0.status == .processing && ($0.processingStartedAt ?? .distantPast) < date
        }
    }

    /// The reference behaviour of the protocol requirement `createOrder`.
    public func createOrder(_ order: ACMEOrder, authorizations new: [ACMEAuthorization]) {
        orders[order.id] = order
        orderSequence.append(order.id)
        for authorization in new {
            authorizations[authorization.id] = authorization
            for challenge in authorization.challenges {
                challengeOwners[challenge.id] = authorization.id
            }
        }
    }

    /// The reference behaviour of the protocol requirement `markChallengeProcessing`.
    public func markChallengeProcessing(_ id: ACMEChallenge.ID) -> Bool {
        guard let owner = challengeOwners[id], var authorization = authorizations[owner], authorization.status == .pending,
            let index = authorization.challenges.firstIndex(where: { $0.id == id }),
            authorization.challenges[index].status == .pending
        else { return false }
        authorization.challenges[index].status = .processing
        authorizations[owner] = authorization
        return true
    }

    /// The reference behaviour of the protocol requirement `finalizeAuthorization`.
    public func finalizeAuthorization(_ id: ACMEAuthorization.ID, challenge: ACMEChallenge.ID, outcome: AuthorizationOutcome) -> Bool {
        guard var authorization = authorizations[id], authorization.status == .pending,
            let index = authorization.challenges.firstIndex(where: { $0.id == challenge }),
            authorization.challenges[index].status == .processing
        else { return false }
        switch outcome {
        case .valid(let date, let grantsCA):
            authorization.status = .valid
            authorization.grantsCA = grantsCA
            authorization.challenges[index].status = .valid
            authorization.challenges[index].validated = date
        case .invalid(let error):
            authorization.status = .invalid
            authorization.challenges[index].status = .invalid
            authorization.challenges[index].error = error
        }
        authorizations[id] = authorization
        return true
    }

    /// The reference behaviour of the protocol requirement `deactivateAuthorization`.
    public func deactivateAuthorization(_ id: ACMEAuthorization.ID) -> Bool {
        guard var authorization = authorizations[id], [.pending, .valid].contains(authorization.status) else { return false }
        authorization.status = .deactivated
        authorizations[id] = authorization
        return true
    }

    /// The reference behaviour of the protocol requirement `markOrderReady`.
    public func markOrderReady(_ id: ACMEOrder.ID) -> Bool {
        transition(id, from: [.pending]) { $0.status = .ready }
    }

    /// The reference behaviour of the protocol requirement `markOrderProcessing`.
    public func markOrderProcessing(_ id: ACMEOrder.ID, at date: Date) -> Bool {
        transition(id, from: [.ready]) {
            $0.status = .processing
            $0.processingStartedAt = date
        }
    }

    /// The reference behaviour of the protocol requirement `completeOrder`.
    public func completeOrder(_ id: ACMEOrder.ID, certificate serial: CertificateSerial) -> Bool {
        transition(id, from: [.processing]) {
            $0.status = .valid
            $0.certificateSerial = serial
        }
    }

    /// The reference behaviour of the protocol requirement `failOrder`.
    public func failOrder(_ id: ACMEOrder.ID, error: ACMEError) -> Bool {
        transition(id, from: [.pending, .ready, .processing]) {
            $0.status = .invalid
            $0.error = error
        }
    }

    private func transition(_ id: ACMEOrder.ID, from: Set<ACMEOrder.Status>, _ change: (inout ACMEOrder) -> Void) -> Bool {
        guard var order = orders[id], from.contains(order.status) else { return false }
        change(&order)
        orders[id] = order
        return true
    }
}
