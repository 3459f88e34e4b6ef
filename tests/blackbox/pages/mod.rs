//! The pages over plain HTTP, black-box, on both backends: where their
//! redirects may lead (issue 13).

mod redirects;
