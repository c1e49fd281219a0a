//! Resident groups (bewonersgroepen): finding, starting, joining and running
//! a group.
//!
//! Rules, all checked on the server in `service`: anyone may browse and
//! search; anyone logged in may start a group and becomes its first
//! coordinator. An open group is joined at once; a group "on request" asks a
//! question and a coordinator approves or declines. Only coordinators edit the
//! group and manage members (platform admins have no say inside a group: the
//! group is run by its residents). A group always keeps at least one
//! coordinator. A banned person cannot join or ask again. Members may hide
//! their name from the public member list; other members still see it.

pub mod model;

#[cfg(feature = "ssr")]
pub mod queries;
#[cfg(feature = "ssr")]
pub mod service;

pub mod api;
pub mod directory_page;
pub mod edit_page;
pub mod group_page;
pub mod manage_page;
pub mod mine_page;
