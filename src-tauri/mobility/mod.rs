//! Internal mobility and networking as work to track: the conversations that build a
//! network (and whom they were with), and a personal pipeline of openings inside the
//! company with the history of every stage. A job search may be private: nothing here
//! reaches a 1:1 agenda unless the user marks the opportunity for it.

pub mod conversations;
pub mod opportunities;
pub mod stages;
