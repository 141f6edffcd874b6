// Element ids the review screen's server parts render and its client parts look up.

/** The navigator of criteria, whose links ReviewFocus marks as the current one. */
export const reviewNavId = "review-nav";
/** The container of every criterion, where ReviewFocus keeps one in focus. */
export const reviewCriteriaId = "review-criteria";
/** The page's two claim forms, one per answer; each item's answer buttons join one by their `form` attribute. */
export const claimFormId = { CONFIRMED: "claim-confirm", REJECTED: "claim-reject" } as const;
