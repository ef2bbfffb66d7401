//! One-on-ones: the meetings with a person, their agenda items and notes, and the action items that stay open until done.

pub mod agenda;
pub mod schedule;
