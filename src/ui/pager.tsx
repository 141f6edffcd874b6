export { Pager } from "./kit/pager";
