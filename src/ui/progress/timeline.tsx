export { Timeline } from "../kit/timeline";
