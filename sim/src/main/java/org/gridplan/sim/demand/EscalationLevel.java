package org.gridplan.sim.demand;

/**
 * The level a work order goes to when a grid worker cannot resolve an incident on the spot, in
 * the chain grid → community → street → department of the field reports (Tianya district: the
 * joint command center issues work orders to departments and follows up).
 */
public enum EscalationLevel {
    /** The community (社区) committee. */
    COMMUNITY,
    /** The street (街道) office. */
    STREET,
    /** A functional department (police, urban management, housing, civil affairs, ...). */
    DEPARTMENT
}
