// Bulk onboarding: a CSV of learners previewed row by row, applied once confirmed (decision 0032).
export { MAX_IMPORT_ROWS, importColumns, templateCsv, templateRows } from "./columns";
export { IMPORT_PAGE_SIZE, importPreview, previewImport } from "./preview";
export { applyImport, applyInput } from "./apply";
