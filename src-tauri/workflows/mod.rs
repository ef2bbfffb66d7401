//! Operations that write across features in one transaction.

pub mod exchange;
pub mod takeaway;
pub mod trash;
