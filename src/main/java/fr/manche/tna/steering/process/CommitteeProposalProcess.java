package fr.manche.tna.steering.process;

import fr.manche.tna.platform.process.ProcessVariable;

/** The process {@code CommitteeProposal} (bpmn/steering/CommitteeProposal.bpmn), R23: a member's proposal. */
public final class CommitteeProposalProcess {

  public static final String KEY = "CommitteeProposal";

  public static final ProcessVariable<String> KIND = ProcessVariable.ofString("proposalKind");
  public static final ProcessVariable<String> TITLE = ProcessVariable.ofString("proposalTitle");
  public static final ProcessVariable<String> DESCRIPTION = ProcessVariable.ofString("proposalDescription");

  private CommitteeProposalProcess() {}
}
