//! Operations that write across features in one transaction.

pub mod takeaway;
pub mod trash;
