import X509

/// Collects, per verify call, what ``SHAKENChainPolicy`` found for each candidate chain.
///
/// `VerifierPolicy` can only hand a reason string back to swift-certificates' `Verifier`; this log
/// keeps the structured failures and, for a chain that passed, the validated details.
actor ChainEvaluationLog {
    /// The verdict on one candidate chain.
    enum Evaluation: Sendable {
        case passed(ValidatedSTIChain)
        case failed([STIChainFailure])
    }

    private var evaluations: [[Certificate]: Evaluation] = [:]

    func record(_ evaluation: Evaluation, for chain: [Certificate]) {
        evaluations[chain] = evaluation
    }

    func evaluation(for chain: [Certificate]) -> Evaluation? {
        evaluations[chain]
    }
}
