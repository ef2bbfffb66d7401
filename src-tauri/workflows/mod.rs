//! Operations that write across features in one transaction.

pub mod exchange;
pub mod gap;
pub mod standing;
pub mod takeaway;
pub mod trash;
