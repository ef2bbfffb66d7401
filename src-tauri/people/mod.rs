//! People and feedback: the people the user works with, the feedback they ask them for and what they hear back.

pub mod catch_up;
pub mod feedback;
pub mod person;
