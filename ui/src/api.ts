// The only module that talks to Rust. Every command has a typed wrapper here; errors
// always reject with an AppError so callers can route them to a field or the banner.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWindow } from "@tauri-apps/api/window";
import type { AppError } from "./bindings/AppError";
import type { AppInfo } from "./bindings/AppInfo";
import type { ChosenExport } from "./bindings/ChosenExport";
import type { Conversation } from "./bindings/Conversation";
import type { ConversationInput } from "./bindings/ConversationInput";
import type { Opportunity } from "./bindings/Opportunity";
import type { Keywords } from "./bindings/Keywords";
import type { Pipeline } from "./bindings/Pipeline";
import type { QuarterNetwork } from "./bindings/QuarterNetwork";
import type { TeamReach } from "./bindings/TeamReach";
import type { OpportunityInput } from "./bindings/OpportunityInput";
import type { Stage } from "./bindings/Stage";
import type { ExampleRemoval } from "./bindings/ExampleRemoval";
import type { ExportSaved } from "./bindings/ExportSaved";
import type { ImportReport } from "./bindings/ImportReport";
import type { Impact } from "./bindings/Impact";
import type { Restored } from "./bindings/Restored";
import type { TrashItem } from "./bindings/TrashItem";
import type { TrashKind } from "./bindings/TrashKind";
import type { Trashed } from "./bindings/Trashed";
import type { TargetRole } from "./bindings/TargetRole";
import type { TargetRoleInput } from "./bindings/TargetRoleInput";
import type { Expectation } from "./bindings/Expectation";
import type { ExpectationInput } from "./bindings/ExpectationInput";
import type { RatingEntry } from "./bindings/RatingEntry";
import type { RatingInput } from "./bindings/RatingInput";
import type { Evidence } from "./bindings/Evidence";
import type { EvidenceRef } from "./bindings/EvidenceRef";
import type { EvidenceKind } from "./bindings/EvidenceKind";
import type { Candidate } from "./bindings/Candidate";
import type { Readiness } from "./bindings/Readiness";
import type { QuarterPoint } from "./bindings/QuarterPoint";
import type { GapStep } from "./bindings/GapStep";
import type { ChosenLadder } from "./bindings/ChosenLadder";
import type { LadderOutcome } from "./bindings/LadderOutcome";
import type { FocusArea } from "./bindings/FocusArea";
import type { Plan } from "./bindings/Plan";
import type { PlanDefaults } from "./bindings/PlanDefaults";
import type { PlanInput } from "./bindings/PlanInput";
import type { PlanStatus } from "./bindings/PlanStatus";
import type { Principle } from "./bindings/Principle";
import type { Profile } from "./bindings/Profile";
import type { ProfileInput } from "./bindings/ProfileInput";
import type { Settings } from "./bindings/Settings";
import type { SettingsInput } from "./bindings/SettingsInput";
import type { Assessment } from "./bindings/Assessment";
import type { CheckIn } from "./bindings/CheckIn";
import type { CheckInInput } from "./bindings/CheckInInput";
import type { CloseInput } from "./bindings/CloseInput";
import type { CloseOutcome } from "./bindings/CloseOutcome";
import type { Goal } from "./bindings/Goal";
import type { GoalDetail } from "./bindings/GoalDetail";
import type { GoalInput } from "./bindings/GoalInput";
import type { GoalStatus } from "./bindings/GoalStatus";
import type { Milestone } from "./bindings/Milestone";
import type { MilestoneInput } from "./bindings/MilestoneInput";
import type { PlanDetail } from "./bindings/PlanDetail";
import type { QuarterReview } from "./bindings/QuarterReview";
import type { Win } from "./bindings/Win";
import type { WinDetail } from "./bindings/WinDetail";
import type { WinInput } from "./bindings/WinInput";
import type { CoverageRow } from "./bindings/CoverageRow";
import type { PrincipleInput } from "./bindings/PrincipleInput";
import type { Story } from "./bindings/Story";
import type { StoryCard } from "./bindings/StoryCard";
import type { EntryInput } from "./bindings/EntryInput";
import type { ImportOutcome } from "./bindings/ImportOutcome";
import type { ChosenCsv } from "./bindings/ChosenCsv";
import type { LearningHistory } from "./bindings/LearningHistory";
import type { LearningStatus } from "./bindings/LearningStatus";
import type { OnDuplicate } from "./bindings/OnDuplicate";
import type { Resource } from "./bindings/Resource";
import type { ResourceDetail } from "./bindings/ResourceDetail";
import type { ResourceFilter } from "./bindings/ResourceFilter";
import type { ResourceInput } from "./bindings/ResourceInput";
import type { ActionTarget } from "./bindings/ActionTarget";
import type { FeedbackReceived } from "./bindings/FeedbackReceived";
import type { FeedbackRequest } from "./bindings/FeedbackRequest";
import type { FeedbackSource } from "./bindings/FeedbackSource";
import type { Person } from "./bindings/Person";
import type { PersonInput } from "./bindings/PersonInput";
import type { PersonPage } from "./bindings/PersonPage";
import type { ReceivedInput } from "./bindings/ReceivedInput";
import type { Removal } from "./bindings/Removal";
import type { RequestInput } from "./bindings/RequestInput";
import type { ResponseInput } from "./bindings/ResponseInput";
import type { TakeawayAction } from "./bindings/TakeawayAction";
import type { ActionInput } from "./bindings/ActionInput";
import type { ActionItem } from "./bindings/ActionItem";
import type { OneOnOneDefaults } from "./bindings/OneOnOneDefaults";
import type { OneOnOneDetail } from "./bindings/OneOnOneDetail";
import type { OneOnOneInput } from "./bindings/OneOnOneInput";
import type { OneOnOneStatus } from "./bindings/OneOnOneStatus";
import type { OneOnOne } from "./bindings/OneOnOne";
import type { TopicAdded } from "./bindings/TopicAdded";
import type { TopicInput } from "./bindings/TopicInput";
import type { SearchHit } from "./bindings/SearchHit";
import type { Dashboard } from "./bindings/Dashboard";
import type { ResumeChoice } from "./bindings/ResumeChoice";
import type { ResumeDraft } from "./bindings/ResumeDraft";
import type { ResumeSaved } from "./bindings/ResumeSaved";
import type { Packet } from "./bindings/Packet";
import type { PacketDraft } from "./bindings/PacketDraft";
import type { PacketSaved } from "./bindings/PacketSaved";
import type { CalendarSaved } from "./bindings/CalendarSaved";
import type { Backup } from "./bindings/Backup";
import type { StartupProblem } from "./bindings/StartupProblem";
import type { RestoreOutcome } from "./bindings/RestoreOutcome";
import type { SecondFolder } from "./bindings/SecondFolder";
import { toAppError } from "./shared/errors";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toAppError(raw) satisfies AppError;
  }
}

export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  startupProblem: () => call<StartupProblem | null>("startup_problem"),
  restoreNewestBackup: () => call<void>("restore_newest_backup"),
  showDataFolder: () => call<void>("show_data_folder"),
  /** Opens the folder of the log files (a file a day, the last week kept). */
  showLogFolder: () => call<void>("show_log_folder"),
  quitApp: () => call<void>("quit_app"),

  listBackups: () => call<Backup[]>("list_backups"),
  backUpNow: () => call<Backup>("back_up_now"),
  showBackupsFolder: () => call<void>("show_backups_folder"),
  restoreBackup: (fileName: string) => call<RestoreOutcome>("restore_backup", { fileName }),
  restoreFromFile: () => call<RestoreOutcome | null>("restore_from_file"),
  secondBackupFolder: () => call<SecondFolder>("second_backup_folder"),
  chooseSecondBackupFolder: () => call<SecondFolder | null>("choose_second_backup_folder"),
  clearSecondBackupFolder: () => call<SecondFolder>("clear_second_backup_folder"),
  getSettings: () => call<Settings>("get_settings"),
  updateSettings: (input: SettingsInput) => call<Settings>("update_settings", { input }),
  getProfile: () => call<Profile>("get_profile"),
  /** Replaces the fields given (an empty text clears one); the others stay. */
  saveProfile: (input: ProfileInput) => call<Profile>("save_profile", { input }),

  listFocusAreas: () => call<FocusArea[]>("list_focus_areas"),
  listPrinciples: (includeRetired = false) =>
    call<Principle[]>("list_principles", { includeRetired }),

  planDefaults: () => call<PlanDefaults>("plan_defaults"),
  listPlans: () => call<Plan[]>("list_plans"),
  createPlan: (input: PlanInput) => call<Plan>("create_plan", { input }),
  updatePlan: (id: number, input: PlanInput) => call<Plan>("update_plan", { id, input }),
  setPlanStatus: (id: number, status: PlanStatus) =>
    call<Plan>("set_plan_status", { id, status }),
  deletePlan: (id: number) => call<Trashed>("delete_plan", { id }),
  planDetail: (planId: number) => call<PlanDetail>("plan_detail", { planId }),

  createGoal: (planId: number, input: GoalInput) => call<Goal>("create_goal", { planId, input }),
  updateGoal: (id: number, input: GoalInput) => call<Goal>("update_goal", { id, input }),
  setGoalStatus: (id: number, status: GoalStatus) => call<Goal>("set_goal_status", { id, status }),
  deleteGoal: (id: number) => call<Trashed>("delete_goal", { id }),
  goalDetail: (id: number) => call<GoalDetail>("goal_detail", { id }),

  addCheckIn: (goalId: number, input: CheckInInput) => call<CheckIn>("add_check_in", { goalId, input }),
  deleteCheckIn: (id: number) => call<void>("delete_check_in", { id }),

  addMilestone: (goalId: number, input: MilestoneInput) => call<Milestone>("add_milestone", { goalId, input }),
  updateMilestone: (id: number, input: MilestoneInput) => call<Milestone>("update_milestone", { id, input }),
  setMilestoneDone: (id: number, done: boolean) => call<Milestone>("set_milestone_done", { id, done }),
  reorderMilestones: (goalId: number, ids: number[]) => call<Milestone[]>("reorder_milestones", { goalId, ids }),
  deleteMilestone: (id: number) => call<Trashed>("delete_milestone", { id }),

  saveOpeningAssessment: (planId: number, entries: Assessment[]) =>
    call<Assessment[]>("save_opening_assessment", { planId, entries }),
  quarterReview: (planId: number) => call<QuarterReview>("quarter_review", { planId }),
  reviewMarkdown: (planId: number) => call<string>("review_markdown", { planId }),
  /** Resolves to the saved file's path, or null when the user cancels the dialog. */
  saveReviewMarkdown: (planId: number) => call<string | null>("save_review_markdown", { planId }),
  closeQuarter: (planId: number, input: CloseInput) => call<CloseOutcome>("close_quarter", { planId, input }),

  listWins: (limit: number, offset: number) => call<Win[]>("list_wins", { limit, offset }),
  winDetail: (id: number) => call<WinDetail>("win_detail", { id }),
  createWin: (input: WinInput) => call<Win>("create_win", { input }),
  updateWin: (id: number, input: WinInput) => call<Win>("update_win", { id, input }),
  deleteWin: (id: number) => call<Trashed>("delete_win", { id }),
  saveStory: (winId: number, story: Story) => call<Story>("save_story", { winId, story }),

  addPrinciple: (input: PrincipleInput) => call<Principle>("add_principle", { input }),
  updatePrinciple: (id: number, input: PrincipleInput) => call<Principle>("update_principle", { id, input }),
  setPrincipleRetired: (id: number, retired: boolean) => call<Principle>("set_principle_retired", { id, retired }),
  reorderPrinciples: (ids: number[]) => call<Principle[]>("reorder_principles", { ids }),
  restorePrinciples: () => call<Principle[]>("restore_principles"),
  principleCoverage: () => call<CoverageRow[]>("principle_coverage"),
  principleStories: (principleId: number) => call<StoryCard[]>("principle_stories", { principleId }),

  listResources: (filter: ResourceFilter) => call<Resource[]>("list_resources", { filter }),
  resourceDetail: (id: number) => call<ResourceDetail>("resource_detail", { id }),
  createResource: (input: ResourceInput) => call<Resource>("create_resource", { input }),
  updateResource: (id: number, input: ResourceInput) => call<Resource>("update_resource", { id, input }),
  deleteResource: (id: number) => call<Trashed>("delete_resource", { id }),
  /** Completed or dropped by hand; null lets the log decide again. */
  setResourceStatus: (id: number, status: LearningStatus | null) => call<Resource>("set_resource_status", { id, status }),
  logProgress: (resourceId: number, input: EntryInput) => call<Resource>("log_progress", { resourceId, input }),
  editProgress: (entryId: number, input: EntryInput) => call<Resource>("edit_progress", { entryId, input }),
  deleteProgress: (entryId: number) => call<Resource>("delete_progress", { entryId }),
  learningHistory: () => call<LearningHistory>("learning_history"),
  /** Asks for a file and previews it; null when the dialog is cancelled. */
  /** Asks for a file (in Rust) and previews it; the token imports that file, which stays in Rust. */
  previewCsv: () => call<ChosenCsv | null>("preview_csv"),
  importCsv: (token: string, onDuplicate: OnDuplicate) => call<ImportOutcome>("import_csv", { token, onDuplicate }),
  openResourceUrl: (id: number, certificate = false) => call<void>("open_resource_url", { id, certificate }),
  listPeople: (includeArchived = false) => call<Person[]>("list_people", { includeArchived }),
  createPerson: (input: PersonInput) => call<Person>("create_person", { input }),
  updatePerson: (id: number, input: PersonInput) => call<Person>("update_person", { id, input }),
  /** Deletes a person without feedback; archives one who has some. */
  removePerson: (id: number) => call<Removal>("remove_person", { id }),
  restorePerson: (id: number) => call<Person>("restore_person", { id }),
  personPage: (id: number) => call<PersonPage>("person_page", { id }),

  listFeedbackRequests: (limit: number) => call<FeedbackRequest[]>("list_feedback_requests", { limit }),
  listFeedbackReceived: (limit: number) => call<FeedbackReceived[]>("list_feedback_received", { limit }),
  createFeedbackRequest: (input: RequestInput) => call<FeedbackRequest>("create_feedback_request", { input }),
  setRequestMessage: (id: number, message: string) => call<FeedbackRequest>("set_request_message", { id, message }),
  setRequestDue: (id: number, dueOn: string | null) => call<FeedbackRequest>("set_request_due", { id, dueOn }),
  markRequestAsked: (id: number) => call<FeedbackRequest>("mark_request_asked", { id }),
  recordFeedbackResponse: (id: number, input: ResponseInput) =>
    call<FeedbackRequest>("record_feedback_response", { id, input }),
  declineFeedbackRequest: (id: number) => call<FeedbackRequest>("decline_feedback_request", { id }),
  countLongOverdueRequests: () => call<number>("count_long_overdue_requests"),
  declineLongOverdueRequests: () => call<number>("decline_long_overdue_requests"),
  deleteFeedbackDraft: (id: number) => call<void>("delete_feedback_draft", { id }),
  addFeedbackReceived: (input: ReceivedInput) => call<FeedbackReceived>("add_feedback_received", { input }),
  actOnFeedback: (source: FeedbackSource, action: TakeawayAction) =>
    call<ActionTarget>("act_on_feedback", { source, action }),
  deletionImpact: (kind: TrashKind, id: number) => call<Impact>("deletion_impact", { kind, id }),
  listTrash: () => call<TrashItem[]>("list_trash"),
  restoreFromTrash: (trashId: number) => call<Restored>("restore_from_trash", { trashId }),
  discardFromTrash: (trashId: number) => call<void>("discard_from_trash", { trashId }),
  /** The newest first; with `person`, only theirs. */
  listConversations: (limit = 200, person: number | null = null) =>
    call<Conversation[]>("list_conversations", { limit, person }),
  logConversation: (input: ConversationInput) => call<Conversation>("log_conversation", { input }),
  updateConversation: (id: number, input: ConversationInput) => call<Conversation>("update_conversation", { id, input }),
  /** Ticks the follow-up off today, or opens it again. */
  setFollowUpDone: (id: number, done: boolean) => call<Conversation>("set_follow_up_done", { id, done }),
  deleteConversation: (id: number) => call<Trashed>("delete_conversation", { id }),
  /** Every opportunity on the way, and a page of the ended ones (newest first) whose
   *  title, team or notes hold `matching` (all of them when it is empty). */
  listOpportunities: (endedOffset: number, endedLimit: number, matching = "") =>
    call<Pipeline>("list_opportunities", { endedOffset, endedLimit, matching }),
  getOpportunity: (id: number) => call<Opportunity>("get_opportunity", { id }),
  createOpportunity: (input: OpportunityInput) => call<Opportunity>("create_opportunity", { input }),
  /** Details and people; the stage moves only with moveOpportunity. */
  updateOpportunity: (id: number, input: OpportunityInput) => call<Opportunity>("update_opportunity", { id, input }),
  /** One step from a conversation that mentioned an opening: its people come along. */
  opportunityFromConversation: (conversationId: number, input: OpportunityInput) =>
    call<Opportunity>("opportunity_from_conversation", { conversationId, input }),
  /** Forward (skipping allowed) or to an ending, today. */
  /** Opens the posting's stored address in the system browser. */
  openOpportunityUrl: (id: number) => call<void>("open_opportunity_url", { id }),
  moveOpportunity: (id: number, stage: Stage) => call<Opportunity>("move_opportunity", { id, stage }),
  undoOpportunityMove: (id: number) => call<Opportunity>("undo_opportunity_move", { id }),
  reopenOpportunity: (id: number) => call<Opportunity>("reopen_opportunity", { id }),
  bringOpportunityToOneOnOne: (id: number, bring: boolean) =>
    call<Opportunity>("bring_opportunity_to_one_on_one", { id, bring }),
  deleteOpportunity: (id: number) => call<Trashed>("delete_opportunity", { id }),

  listTargetRoles: () => call<TargetRole[]>("list_target_roles"),
  /** The first role (or one made while none is current) becomes current. */
  createTargetRole: (input: TargetRoleInput) => call<TargetRole>("create_target_role", { input }),
  updateTargetRole: (id: number, input: TargetRoleInput) => call<TargetRole>("update_target_role", { id, input }),
  setCurrentTargetRole: (id: number) => call<TargetRole>("set_current_target_role", { id }),
  deleteTargetRole: (id: number) => call<Trashed>("delete_target_role", { id }),
  addExpectation: (roleId: number, input: ExpectationInput) => call<Expectation>("add_expectation", { roleId, input }),
  updateExpectation: (id: number, input: ExpectationInput) => call<Expectation>("update_expectation", { id, input }),
  deleteExpectation: (id: number) => call<Trashed>("delete_expectation", { id }),
  reorderExpectations: (roleId: number, ids: number[]) => call<Expectation[]>("reorder_expectations", { roleId, ids }),
  /** Adds a rating (today unless ratedOn says otherwise); earlier ones stay as history. */
  rateExpectation: (expectationId: number, input: RatingInput) =>
    call<RatingEntry>("rate_expectation", { expectationId, input }),
  ratingHistory: (expectationId: number) => call<RatingEntry[]>("rating_history", { expectationId }),
  linkEvidence: (expectationId: number, evidence: EvidenceRef) =>
    call<Evidence>("link_evidence", { expectationId, evidence }),
  unlinkEvidence: (evidenceId: number) => call<void>("unlink_evidence", { evidenceId }),
  evidenceCandidates: (kind: EvidenceKind, matching = "") =>
    call<Candidate[]>("evidence_candidates", { kind, matching }),
  roleEvidence: (roleId: number) => call<Evidence[]>("role_evidence", { roleId }),
  roleReadiness: (roleId: number) => call<Readiness>("role_readiness", { roleId }),
  readinessByQuarter: (roleId: number) => call<QuarterPoint[]>("readiness_by_quarter", { roleId }),
  /** Asks for a career-ladder CSV and previews it (rows naming no role go to roleId); null when cancelled. */
  previewLadderCsv: (roleId: number | null = null) => call<ChosenLadder | null>("preview_ladder_csv", { roleId }),
  /** Imports the previewed ladder (after a backup), all or nothing. */
  importLadderCsv: (token: string, roleId: number | null = null) =>
    call<LadderOutcome>("import_ladder_csv", { token, roleId }),
  /** Turns a gap into a goal (active plan unless planId) or a resource, linked back. */
  planGap: (expectationId: number, step: GapStep) => call<Expectation>("plan_gap", { expectationId, step }),
  /** Puts "where I stand against <role>" (the current target role) in the 1:1's career section; once only. */
  addReadinessToAgenda: (oneOnOneId: number) => call<OneOnOneDetail>("add_readiness_to_agenda", { oneOnOneId }),
  emptyTrash: () => call<number>("empty_trash"),
  /** Writes everything as a JSON export where the user chooses; null when cancelled. */
  exportEverything: () => call<ExportSaved | null>("export_everything"),
  /** Asks for an export file and reports what importing it would do; writes nothing. */
  previewEverythingImport: () => call<ChosenExport | null>("preview_everything_import"),
  /** Imports the previewed export (after a backup). */
  importEverything: (token: string) => call<ImportReport>("import_everything", { token }),

  listOneOnOnes: () => call<OneOnOne[]>("list_one_on_ones"),
  oneOnOneDefaults: (personId: number | null = null) => call<OneOnOneDefaults>("one_on_one_defaults", { personId }),
  createOneOnOne: (input: OneOnOneInput) => call<OneOnOne>("create_one_on_one", { input }),
  updateOneOnOne: (id: number, input: OneOnOneInput) => call<OneOnOne>("update_one_on_one", { id, input }),
  setOneOnOneStatus: (id: number, status: OneOnOneStatus) => call<OneOnOne>("set_one_on_one_status", { id, status }),
  saveOneOnOneNotes: (id: number, notes: string) => call<OneOnOne>("save_one_on_one_notes", { id, notes }),
  deleteOneOnOne: (id: number) => call<Trashed>("delete_one_on_one", { id }),
  oneOnOneDetail: (id: number) => call<OneOnOneDetail>("one_on_one_detail", { id }),
  /** The meeting, and how many agenda items were new. */
  prepareAgenda: (id: number) => call<[OneOnOneDetail, number]>("prepare_agenda", { id }),
  addAgendaItem: (id: number, text: string) => call<OneOnOneDetail>("add_agenda_item", { id, text }),
  editAgendaItem: (itemId: number, text: string) => call<OneOnOneDetail>("edit_agenda_item", { itemId, text }),
  setAgendaItemDiscussed: (itemId: number, discussed: boolean) =>
    call<OneOnOneDetail>("set_agenda_item_discussed", { itemId, discussed }),
  removeAgendaItem: (itemId: number) => call<OneOnOneDetail>("remove_agenda_item", { itemId }),
  restoreAgendaItem: (itemId: number) => call<OneOnOneDetail>("restore_agenda_item", { itemId }),
  reorderAgenda: (id: number, ids: number[]) => call<OneOnOneDetail>("reorder_agenda", { id, ids }),
  addTopic: (input: TopicInput) => call<TopicAdded>("add_topic", { input }),
  addActionItem: (id: number, input: ActionInput) => call<ActionItem>("add_action_item", { id, input }),
  updateActionItem: (actionId: number, input: ActionInput) => call<ActionItem>("update_action_item", { actionId, input }),
  setActionItemDone: (actionId: number, done: boolean) => call<ActionItem>("set_action_item_done", { actionId, done }),
  deleteActionItem: (actionId: number) => call<void>("delete_action_item", { actionId }),
  agendaMarkdown: (id: number) => call<string>("agenda_markdown", { id }),
  /** Resolves to the saved file's path, or null when the user cancels the dialog. */
  saveAgendaMarkdown: (id: number) => call<string | null>("save_agenda_markdown", { id }),
  /** The date to propose for the next 1:1 with them; null when one is already scheduled. */
  proposeOneOnOneDate: (personId: number) => call<string | null>("propose_one_on_one_date", { personId }),

  search: (query: string, limit = 30) => call<SearchHit[]>("search", { query, limit }),
  dashboard: () => call<Dashboard>("dashboard"),
  /** Teams known, and how each was reached this year (reached ones first). */
  networkTeams: () => call<TeamReach[]>("network_teams"),
  /** Mentoring given and received, and other conversations, in a plan's quarter. */
  quarterNetwork: (planId: number) => call<QuarterNetwork>("quarter_network", { planId }),
  /** What the résumé preview offers: the profile and the candidates, newest first. */
  resumeDraft: () => call<ResumeDraft>("resume_draft"),
  /** Asks where (in Rust) and saves the résumé of `choice`; null when the dialog is cancelled. */
  saveResume: (choice: ResumeChoice) => call<ResumeSaved | null>("save_resume", { choice }),
  /** The promotion packet for from..=to (both included), against roleId or the current role. */
  promotionPacket: (from: string, to: string, roleId: number | null = null) =>
    call<Packet>("promotion_packet", { from, to, roleId }),
  /** The user's draft of the packet as CommonMark (for Copy and the preview). */
  packetMarkdown: (draft: PacketDraft) => call<string>("packet_markdown", { draft }),
  /** Asks where (in Rust) and saves the draft as Markdown; null when the dialog is cancelled. */
  savePacket: (draft: PacketDraft) => call<PacketSaved | null>("save_packet", { draft }),
  /** The words of a pasted job posting that the record shows (and where), and those it lacks. */
  resumeKeywords: (text: string) => call<Keywords>("resume_keywords", { text }),
  /** The same for an opportunity's posting: its title and notes. */
  opportunityKeywords: (opportunityId: number) => call<Keywords>("opportunity_keywords", { opportunityId }),
  /** Saves the calendar (everything, or one plan's goals and milestones); null when the
   * user cancels the dialog. */
  /** `pipeline`: opportunities' next steps too (off by default: a work calendar may be seen). */
  saveCalendar: (planId: number | null, pipeline = false) =>
    call<CalendarSaved | null>("save_calendar", { planId, pipeline }),
  /** Generates the example plan into its own file and shows it instead of your data. */
  loadExample: () => call<void>("load_example"),
  /** Back to your own data; the example file is deleted. Unless `confirmed`, an example
   * changed since it was loaded is kept and what would be lost comes back instead. */
  removeExample: (confirmed: boolean) => call<ExampleRemoval>("remove_example", { confirmed }),

  /** Rows written so far by a running import. */
  /** Someone started Ladder again while it runs; this window was brought to the front. */
  onSecondLaunch: (handler: () => void): Promise<UnlistenFn> => listen("second-launch", () => handler()),
  onImportProgress: (handler: (done: number, total: number) => void): Promise<UnlistenFn> =>
    listen<[number, number]>("import-progress", (e) => handler(e.payload[0], e.payload[1])),

  /** Tables written so far by a running export or import of everything. */
  onExchangeProgress: (handler: (done: number, total: number) => void): Promise<UnlistenFn> =>
    listen<[number, number]>("exchange-progress", (e) => handler(e.payload[0], e.payload[1])),

  /**
   * Runs `beforeClose` when the window is asked to close (its ✕, Alt+F4, logging out),
   * then quits. While a page listens, Tauri holds the close until the page says.
   */
  onCloseRequested: (beforeClose: () => Promise<void>): Promise<UnlistenFn> =>
    getCurrentWindow().onCloseRequested(async (event) => {
      event.preventDefault();
      try {
        await beforeClose();
      } finally {
        await call<void>("quit_app");
      }
    }),
};
