// Bulk onboarding: a CSV of learners previewed row by row, applied once confirmed (decision 0032).
export { MAX_IMPORT_ROWS, importColumns, importTemplate, templateCsv, templateRows } from "./columns";
export { IMPORT_PAGE_SIZE, importPreview, previewImport, recentImports } from "./preview";
export { applyImport, applyInput } from "./apply";
