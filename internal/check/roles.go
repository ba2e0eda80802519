package check

// roleDef is one role of WAI-ARIA 1.2 (aria_table.go).
type roleDef struct {
	kind       string   // abstract, structure, widget, composite, landmark, window, …
	context    []string // required context roles
	owned      []string // required owned elements
	required   []string // required states and properties
	allowed    []string // supported states and properties beside the global ones
	prohibited []string
	superclass []string

	nameFromContent        bool
	nameRequired           bool
	childrenPresentational bool
	deprecated             bool
}

// attrDef is one aria-* attribute (aria_table.go).
type attrDef struct {
	kind       string // boolean, nmtoken, nmtokens, tristate, idref, idrefs, string, int, decimal
	values     []string
	min        int
	hasMin     bool
	global     bool
	allowEmpty bool
	deprecated bool
}

// elemRoles are the roles allowed on an element: any, or a list (none
// when empty).
type elemRoles struct {
	any   bool
	roles []string
}
