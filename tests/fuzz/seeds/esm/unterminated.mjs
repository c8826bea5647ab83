import x from "a"
export default (1
